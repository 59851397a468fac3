package io.rectify.intake;

import java.time.YearMonth;
import java.util.List;

/**
 * What a period folder holds: the workbooks to read, in path order, and the files skipped.
 */
public record PeriodScan(YearMonth period, List<FoundFile> workbooks, List<SkippedFile> skipped) {
}
