package io.rectify.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The figures a job leaves in its job execution context for {@code status} and the end summary:
 * files read, accepted and rejected, exceptions by severity, the output paths. Kept as plain
 * entries (numbers and text) rather than one serialised object, so that history written by one
 * version stays readable by the next. A figure a job does not have is null ("-" in status).
 * Jobs put figures, never add to them: a step run again on restart replaces what it counted, so
 * nothing is counted twice.
 */
public record RunFigures(Integer filesRead, Integer filesAccepted, Integer filesRejected,
                         Integer errors, Integer warnings, Integer infos, List<String> outputs) {

    private static final String FILES_READ = "figures.files.read";
    private static final String FILES_ACCEPTED = "figures.files.accepted";
    private static final String FILES_REJECTED = "figures.files.rejected";
    private static final String ERRORS = "figures.exceptions.error";
    private static final String WARNINGS = "figures.exceptions.warning";
    private static final String INFOS = "figures.exceptions.info";
    private static final String OUTPUTS = "figures.outputs";

    public static void putFiles(ExecutionContext context, int read, int accepted, int rejected) {
        context.putInt(FILES_READ, read);
        context.putInt(FILES_ACCEPTED, accepted);
        context.putInt(FILES_REJECTED, rejected);
    }

    public static void putExceptions(ExecutionContext context, int errors, int warnings, int infos) {
        context.putInt(ERRORS, errors);
        context.putInt(WARNINGS, warnings);
        context.putInt(INFOS, infos);
    }

    /** The files or folders a job wrote, replacing any recorded before. */
    public static void putOutputs(ExecutionContext context, Path... outputs) {
        context.putString(OUTPUTS, String.join("\n", Arrays.stream(outputs).map(Path::toString).toList()));
    }

    public static RunFigures of(ExecutionContext context) {
        String outputs = context.getString(OUTPUTS, "");
        return new RunFigures(number(context, FILES_READ), number(context, FILES_ACCEPTED), number(context, FILES_REJECTED),
                number(context, ERRORS), number(context, WARNINGS), number(context, INFOS),
                outputs.isEmpty() ? List.of() : List.of(outputs.split("\n")));
    }

    public boolean hasFiles() {
        return filesRead != null;
    }

    public boolean hasExceptions() {
        return errors != null;
    }

    private static Integer number(ExecutionContext context, String key) {
        return context.get(key) instanceof Number n ? n.intValue() : null;
    }
}
