package io.rectify.check;

import io.rectify.intake.FoundFile;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnReader;
import io.rectify.rule.ExceptionEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** STAND-IN for part A's ReturnCheck until it lands on main (portal-unit removes it at the merge). */
@Component
public class ReturnCheck {

    private final ReturnReader reader = new ReturnReader();
    private final OpenPeriod openPeriod;

    ReturnCheck(OpenPeriod openPeriod) {
        this.openPeriod = openPeriod;
    }

    public CheckReport check(Path file, String fileName, Optional<YearMonth> period) {
        try {
            ReadOutcome outcome = reader.read(new FoundFile(file, fileName, Files.size(file), null, Instant.now()));
            if (outcome instanceof ReadOutcome.Refused refused) {
                return new CheckReport(false, null, null, period.orElse(openPeriod.get()), fileName,
                        List.of(new ExceptionEntry(refused.rule(), null, null, null, null, null, fileName, refused.sheet(),
                                refused.row(), refused.column(), refused.value(), refused.message())), 0, 0);
            }
            var read = ((ReadOutcome.Read) outcome).unitReturn();
            String unit = read.field("单位代码").map(f -> f.text()).orElse(null);
            YearMonth stated = read.field("报送期次").map(f -> YearMonth.parse(f.text())).orElse(openPeriod.get());
            return new CheckReport(true, unit, unit, period.orElse(stated), fileName, List.of(), read.progress().rows().size(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
