package io.rectify.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The outputs of one period as written.
 *
 * @param folder         {@code <output>/<YYYY-MM>}
 * @param files          every file written, receipts included
 * @param unitOutputs    the units' receipts, marked copies and 督办单 as written or taken over, for the next run
 * @param takenOver      how many of those were taken over unchanged from the folder replaced
 * @param consoleSummary the text the nightly job prints when it ends: the bulletin, the counts, where the outputs are
 */
public record WrittenReport(Path folder, List<Path> files, List<UnitOutput> unitOutputs, int takenOver,
                            String consoleSummary) {
}
