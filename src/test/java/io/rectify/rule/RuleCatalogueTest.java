package io.rectify.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/RULES.md is the units' and supervisors' catalogue of the rule codes, and the repository is
 * the whole contract: both drift silently unless a test reads them.
 */
class RuleCatalogueTest {

    /** A row of the catalogue's table: | `code` | severity | ... */
    private static final Pattern CATALOGUE_ROW = Pattern.compile("^\\|\\s*`([a-z-]+)`\\s*\\|\\s*(\\w+)\\s*\\|",
            Pattern.MULTILINE);
    /** Written in two parts, so that this file does not contain what it looks for. */
    private static final List<String> OUTSIDE_REFERENCES = List.of("../" + "shared", "SPEC" + ".md");

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void everyRuleIsCataloguedWithItsSeverityAndNothingElseIs() throws IOException {
        Map<String, String> catalogue = new LinkedHashMap<>();
        Matcher row = CATALOGUE_ROW.matcher(Files.readString(ROOT.resolve("docs/RULES.md")));
        while (row.find()) {
            catalogue.put(row.group(1), row.group(2));
        }
        List<String> wrong = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            String listed = catalogue.remove(rule.code());
            if (!rule.severity().code().equals(listed)) {
                wrong.add(rule.code() + " is " + rule.severity().code() + ", docs/RULES.md says " + listed);
            }
        }
        catalogue.keySet().forEach(code -> wrong.add(code + " is in docs/RULES.md but not in Rule"));

        assertThat(wrong).isEmpty();
    }

    @Test
    void noFileOfTheRepositoryRefersToAFileOutsideIt() throws IOException, InterruptedException {
        List<String> offending = new ArrayList<>();
        for (String file : trackedFiles()) {
            Path path = ROOT.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            String content = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
            OUTSIDE_REFERENCES.stream().filter(content::contains).forEach(reference -> offending.add(file + ": " + reference));
        }

        assertThat(offending).isEmpty();
    }

    private static List<String> trackedFiles() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("git ls-files in " + ROOT).isZero();
        List<String> files = Arrays.stream(listing.split("\0")).filter(f -> !f.isEmpty()).toList();
        assertThat(files).as("files tracked by git").contains("docs/RULES.md", "pom.xml");
        return files;
    }
}
