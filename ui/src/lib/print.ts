// Printing from any screen: the print dialog, a word when it is sent, and when no printer is
// set up, the reason with an "Export instead" button that saves the same PDF.
import { UserError } from "./api/invoke";
import { openExported } from "./api/practice";
import { showError, showSaved, showToast } from "./stores/toasts.svelte";

/**
 * Runs `print` (which opens the print dialog and resolves false if she cancels); `exportInstead`
 * saves the same document through the save dialog when there is no printer.
 */
export async function printOrOfferExport(
  what: string,
  print: () => Promise<boolean>,
  exportInstead: () => Promise<string | null>,
): Promise<void> {
  try {
    if (await print()) showToast(`${what} sent to the printer`);
  } catch (error) {
    if (error instanceof UserError && error.code === "no_printer") {
      showToast(error.message, "error", {
        label: "Export instead",
        run: () => {
          exportInstead()
            .then((path) => {
              if (path !== null) showSaved(path, openExported);
            })
            .catch(showError);
        },
      });
      return;
    }
    showError(error);
  }
}
