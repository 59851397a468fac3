package io.rectify.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleFilesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path jobs;

    private Path file(String name, String... lines) throws IOException {
        return Files.writeString(jobs.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private JobSchedule only(String... lines) throws IOException {
        file("nightly.properties", lines);
        ScheduleFiles.Loaded loaded = ScheduleFiles.read(jobs);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.schedules()).hasSize(1);
        return loaded.schedules().get(0);
    }

    private static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void theShippedNightlyScheduleRunsNightlyAt0130ShanghaiTimeOnThePreviousMonth() {
        ScheduleFiles.Loaded loaded = ScheduleFiles.read(Path.of("jobs"));

        assertThat(loaded.problems()).isEmpty();
        JobSchedule nightly = loaded.schedules().stream().filter(s -> s.name().equals("nightly")).findFirst().orElseThrow();
        assertThat(nightly.command()).isEqualTo(Command.NIGHTLY);
        assertThat(nightly.enabled()).isTrue();
        // 2024-03-31 18:00 UTC is already 02:00 on 1 April in Shanghai: the next run is the night after
        ZonedDateTime next = nightly.next(Instant.parse("2024-03-31T18:00:00Z"));
        assertThat(next).isEqualTo(ZonedDateTime.of(2024, 4, 2, 1, 30, 0, 0, SHANGHAI));
        CommandLine run = nightly.commandLine(next, CommandLine.parse("serve", "--input=/srv/in", "--output=/srv/out"));
        assertThat(run.command()).isEqualTo(Command.NIGHTLY);
        assertThat(run.period()).contains(YearMonth.of(2024, 3));
        assertThat(run.asOf()).isEmpty();
        assertThat(run.input()).isEqualTo(Path.of("/srv/in"));
        assertThat(loaded.enabled()).extracting(JobSchedule::name).containsExactly("nightly");
    }

    @Test
    void aFileWithOnlyACronLineTakesTheDefaults() throws IOException {
        JobSchedule schedule = only("# every night", "cron = 0 0 2 * * *");

        assertThat(schedule.name()).isEqualTo("nightly");
        assertThat(schedule.command()).isEqualTo(Command.NIGHTLY);
        assertThat(schedule.zone()).isEqualTo(SHANGHAI);
        assertThat(schedule.period()).isEqualTo(PeriodRule.PREVIOUS_MONTH);
        assertThat(schedule.asOfRunDay()).isFalse();
        assertThat(schedule.options()).isEmpty();
        assertThat(schedule.enabled()).isTrue();
    }

    @Test
    void theNextFireTimeIsReadInTheSchedulesTimeZone() throws IOException {
        JobSchedule weekdays = only("cron=0 0 22 * * MON-FRI", "zone=Europe/Paris");

        // Friday 2024-03-29 23:00 in Paris: the next weekday evening is Monday 1 April
        assertThat(weekdays.next(Instant.parse("2024-03-29T22:00:00Z")))
                .isEqualTo(ZonedDateTime.of(2024, 4, 1, 22, 0, 0, 0, ZoneId.of("Europe/Paris")));
    }

    @Test
    void theLatestSlotBeforeNowIsTheOneARunShouldHaveServed() throws IOException {
        JobSchedule daily = only("cron = 0 30 1 * * *");
        assertThat(daily.latestAtOrBefore(shanghai("2024-04-03T00:10")))
                .contains(ZonedDateTime.of(2024, 4, 2, 1, 30, 0, 0, SHANGHAI));
        assertThat(daily.latestAtOrBefore(shanghai("2024-04-03T01:30")))
                .contains(ZonedDateTime.of(2024, 4, 3, 1, 30, 0, 0, SHANGHAI));

        JobSchedule monthly = only("cron = 0 0 6 25 * *");
        assertThat(monthly.latestAtOrBefore(shanghai("2024-04-20T12:00")))
                .contains(ZonedDateTime.of(2024, 3, 25, 6, 0, 0, 0, SHANGHAI));

        JobSchedule leapDay = only("cron = 0 0 3 29 2 *");
        assertThat(leapDay.latestAtOrBefore(shanghai("2027-03-01T00:00")))
                .contains(ZonedDateTime.of(2024, 2, 29, 3, 0, 0, 0, SHANGHAI));

        JobSchedule everySecond = only("cron = * * * * * *");
        assertThat(everySecond.latestAtOrBefore(Instant.parse("2024-04-03T00:00:07.500Z")))
                .contains(ZonedDateTime.of(2024, 4, 3, 8, 0, 7, 0, SHANGHAI));
    }

    @Test
    void thePeriodIsJudgedOnTheSlotsDayAcrossTheYearBoundary() throws IOException {
        CommandLine serve = CommandLine.parse("serve");
        ZonedDateTime newYear = ZonedDateTime.of(2024, 1, 1, 1, 30, 0, 0, SHANGHAI);

        assertThat(only("cron=0 30 1 * * *").commandLine(newYear, serve).period()).contains(YearMonth.of(2023, 12));
        assertThat(only("cron=0 30 1 * * *", "period=current-month").commandLine(newYear, serve).period())
                .contains(YearMonth.of(2024, 1));
        assertThat(only("cron=0 30 1 * * *", "period=2023-06").commandLine(newYear, serve).period())
                .contains(YearMonth.of(2023, 6));
        assertThat(only("cron=0 30 1 * * *", "period=latest").commandLine(newYear, serve).period()).isEmpty();
        CommandLine runDay = only("cron=0 30 1 * * *", "as-of=run-day").commandLine(newYear, serve);
        assertThat(runDay.asOf()).contains(LocalDate.of(2024, 1, 1));
    }

    @Test
    void optionsAreThoseOfTheCommandAndOverrideServesFolders() throws IOException {
        JobSchedule schedule = only("cron=0 30 1 * * *", "options = --output=/srv/other   --input=/srv/in2");
        CommandLine run = schedule.commandLine(ZonedDateTime.of(2024, 4, 1, 1, 30, 0, 0, SHANGHAI),
                CommandLine.parse("serve", "--input=/srv/in", "--output=/srv/out", "--data=/srv/data"));

        assertThat(run.output()).isEqualTo(Path.of("/srv/other"));
        assertThat(run.input()).isEqualTo(Path.of("/srv/in2"));
        assertThat(run.data()).isEqualTo(Path.of("/srv/data"));
    }

    @Test
    void aTemplatesScheduleRunsTemplatesAndCannotAskForTheLatestPeriod() throws IOException {
        file("templates.properties", "cron = 0 0 6 25 * *", "period = next-month");
        file("monthly-templates.properties", "command = templates", "cron = 0 0 6 25 * *", "period = latest");

        ScheduleFiles.Loaded loaded = ScheduleFiles.read(jobs);

        assertThat(loaded.schedules()).extracting(JobSchedule::name).containsExactly("templates");
        assertThat(loaded.schedules().get(0).command()).isEqualTo(Command.TEMPLATES);
        assertThat(loaded.problems()).singleElement().asString()
                .contains("monthly-templates.properties line 3", "'latest' is for nightly only");
        assertThat(loaded.names()).containsExactlyInAnyOrder("templates", "monthly-templates");
    }

    @Test
    void everyProblemIsReportedWithItsFileAndLineAndTheFileGivesNoSchedule() throws IOException {
        file("nightly.properties",
                "# the office's schedule",
                "cron = 30 1 * * *",
                "zone = Beijing",
                "perod = previous-month",
                "period = last-month",
                "as-of = today",
                "enabled = yes",
                "options = --period=2024-03",
                "cron = 0 30 1 * * *");
        file("other.properties", "cron = 0 0 3 * * *", "options = --bogus=1");
        file("sample.properties", "cron = 0 0 3 * * *");
        file("README.txt", "not a schedule");

        ScheduleFiles.Loaded loaded = ScheduleFiles.read(jobs);

        assertThat(loaded.schedules()).isEmpty();
        List<String> problems = loaded.problems();
        String nightly = jobs.resolve("nightly.properties").toString();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(nightly + " line 4: 'perod = previous-month' is not one of the keys"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(nightly + " line 9: 'cron' is given twice"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(nightly + " line 3: zone 'Beijing'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(nightly + " line 5: period must be previous-month"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(nightly + " line 6: as-of must be period-end or run-day"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(nightly + " line 7: enabled must be true or false"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(nightly + " line 8: --period cannot be an option here"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("other.properties line 2: options: 'nightly' has no option --bogus"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sample.properties: command 'sample' is not a job"));
        assertThat(loaded.names()).containsExactlyInAnyOrder("nightly", "other", "sample");
    }

    @Test
    void aCrontabStyleCronOfFiveFieldsIsRefusedWithTheSixFieldForm() throws IOException {
        file("nightly.properties", "cron = 30 1 * * *");

        assertThat(ScheduleFiles.read(jobs).problems()).singleElement().asString()
                .contains("line 1", "cron '30 1 * * *'", "seconds first: '0 30 1 * * *'");
    }

    @Test
    void aDisabledScheduleIsReadButNotEnabled() throws IOException {
        JobSchedule schedule = only("cron = 0 30 1 * * *", "enabled = false");

        assertThat(schedule.enabled()).isFalse();
        assertThat(ScheduleFiles.read(jobs).enabled()).isEmpty();
        assertThat(ScheduleFiles.read(jobs).plans(Instant.now())).singleElement()
                .satisfies(plan -> assertThat(plan.next()).isNull());
    }

    @Test
    void aMissingFolderHoldsNoSchedule() {
        ScheduleFiles.Loaded loaded = ScheduleFiles.read(jobs.resolve("absent"));

        assertThat(loaded.schedules()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
    }
}
