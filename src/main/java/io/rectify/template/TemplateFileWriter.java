package io.rectify.template;

import io.rectify.rule.Periods;
import io.rectify.run.EndSummary;
import io.rectify.run.RunFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each template into {@code <output>/templates/<period>/}. When the step has written every
 * unit's template, templates of the same period left by an earlier run for a unit no longer in
 * the ledger (or since renamed) are removed, so that the folder holds exactly one template per
 * unit; and the job's summary says how many were written, and where.
 */
class TemplateFileWriter implements ItemWriter<UnitTemplate>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TemplateFileWriter.class);

    private final Path folder;
    private final YearMonth period;
    private final Set<String> written = new HashSet<>();
    private String ledgerVersion = "";

    TemplateFileWriter(Path output, YearMonth period) {
        this.folder = templatesFolder(output, period);
        this.period = period;
    }

    static Path templatesFolder(Path output, YearMonth period) {
        return output.resolve("templates").resolve(period.toString());
    }

    @Override
    public void write(Chunk<? extends UnitTemplate> chunk) throws IOException {
        for (UnitTemplate template : chunk) {
            String name = TemplateWriter.fileName(template.unit(), period);
            TemplateWriter.write(template, folder.resolve(name));
            written.add(name);
            ledgerVersion = template.ledgerVersion();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        List<Path> stale = staleTemplates();
        for (Path file : stale) {
            try {
                Files.delete(file);
                log.info("Removed {}: its unit is no longer in the ledger under that name", file.getFileName());
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the outdated template " + file, e);
            }
        }
        String summary = "已生成 " + written.size() + " 份报送模板（" + Periods.text(period)
                + (ledgerVersion.isEmpty() ? "" : "，台账版本 " + ledgerVersion.substring(0, Math.min(12, ledgerVersion.length())))
                + "）：" + folder
                + (stale.isEmpty() ? "" : "\n已删除 " + stale.size() + " 份已不在台账中的单位的旧模板");
        stepExecution.getJobExecution().getExecutionContext().putString(EndSummary.SUMMARY_KEY, summary);
        RunFigures.putOutputs(stepExecution.getJobExecution().getExecutionContext(), folder);
        return null;
    }

    private List<Path> staleTemplates() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String suffix = "-" + period + ".xlsx";
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> !written.contains(f.getFileName().toString()))
                    .sorted()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }
}
