package io.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan, archive and read a whole period folder the way the nightly job does. */
class PeriodIntakeTest {

    @TempDir
    Path root;

    @Test
    void everyFileOfAPeriodGetsItsOwnOutcomeWhateverTheOthersHold() throws IOException {
        Path march = Files.createDirectories(root.resolve("input/returns/2024-03"));
        TestWorkbooks.xlsx(march.resolve("第一组/A01.xlsx"), TestWorkbooks::typicalReturn);
        Files.write(march.resolve("第一组/A02.xlsx"), "PK\u0003\u0004broken".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        TestWorkbooks.xls(march.resolve("第二组/A03.xls"), TestWorkbooks::typicalReturn);
        Files.write(march.resolve("第二组/~$A03.xls"), new byte[] {0});

        PeriodScan scan = new PeriodFolderScanner(root.resolve("input/returns")).scan(YearMonth.of(2024, 3));
        Archive archive = new Archive(root.resolve("data"));
        ReturnReader reader = new ReturnReader();
        List<ReadOutcome> outcomes = new java.util.ArrayList<>();
        for (FoundFile file : scan.workbooks()) {
            archive.store(file);
            outcomes.add(reader.read(file));
        }

        assertThat(scan.workbooks()).extracting(FoundFile::relative)
                .containsExactly("第一组/A01.xlsx", "第一组/A02.xlsx", "第二组/A03.xls");
        assertThat(scan.skipped()).extracting(SkippedFile::relative).containsExactly("第二组/~$A03.xls");
        assertThat(outcomes.get(0)).isInstanceOf(ReadOutcome.Read.class);
        assertThat(((ReadOutcome.Read) outcomes.get(0)).unitReturn().file()).isEqualTo("第一组/A01.xlsx");
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(ReadOutcome.Refused.class,
                refused -> assertThat(refused.rule()).isEqualTo(Rule.FILE_UNREADABLE));
        assertThat(outcomes.get(2)).isInstanceOf(ReadOutcome.Read.class);
        assertThat(scan.workbooks()).allSatisfy(file -> assertThat(archive.pathOf(file.sha256())).isRegularFile());
    }
}
