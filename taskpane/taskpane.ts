/**
 * Task pane entry. With the shared runtime this page also runs the custom
 * functions (the functions bundle is loaded in the same page).
 */
export const READY_TEXT = "Les fonctions MG.* sont chargées : tapez =MG. dans une cellule.";

export function showReady(doc: Document = document): void {
  const status = doc.getElementById("status");
  if (status) status.textContent = READY_TEXT;
}

Office.onReady(() => showReady());
