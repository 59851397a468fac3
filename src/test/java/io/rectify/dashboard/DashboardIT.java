package io.rectify.dashboard;

import static io.rectify.NightlyFixture.unitReturn;
import static io.rectify.NightlyFixture.write;
import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.RectifyApplication;
import io.rectify.ledger.LedgerLayout;
import io.rectify.ledger.LedgerWorkbookFixture;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a person opens it: index.html of a real nightly run, loaded as a file:// URL in
 * Debian's headless Chromium (installed by the build, .ci/ensure-chromium). The page of the shipped
 * sample is kept as target/dashboard/index.png.
 */
class DashboardIT {

    /** Given by the distribution's packages; set explicitly so that Selenium never looks for or fetches a browser. */
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** The whole page, and what a 1400 × 1400 screen shows first (docs/images/dashboard.png is a copy). */
    private static final Path SCREENSHOT = Path.of("target/dashboard/index.png");
    private static final Path FIRST_SCREEN = Path.of("target/dashboard/first-screen.png");

    /** Typed by a unit as its name and as a status; the page must show it and run none of it. */
    private static final String HOSTILE = "</script><script>window.injected=1</script><img src=x onerror=\"window.injected=2\">";

    @TempDir
    static Path root;

    private static Path sample;
    private static Path hostile;
    private static ChromeDriver browser;

    @BeforeAll
    static void runNightsAndOpenTheBrowser() throws IOException {
        sample = nightly(Path.of("input").toAbsolutePath(), root.resolve("sample"));
        Path input = root.resolve("hostile/input");
        NightlyFixture.standard(input);
        LedgerWorkbookFixture ledger = LedgerWorkbookFixture.standard();
        ledger.units().set(4, LedgerLayout.UNIT_NAME, "区民政局" + HOSTILE);
        ledger.writeToMaster(input);
        write(input.resolve("returns/2024-03/U05.xlsx"), unitReturn("U05", "区民政局" + HOSTILE, "2024-03",
                LocalDate.of(2024, 4, 2), row("T05", HOSTILE)));
        NightlyFixture.dateEverything(input);
        hostile = nightly(input, root.resolve("hostile"));

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000", "--lang=zh-CN", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .withLogOutput(OutputStream.nullOutputStream()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Path nightly(Path input, Path folder) {
        assertThat(RectifyApplication.run("nightly", "--period=2024-03", "--input=" + input,
                "--output=" + folder.resolve("output"), "--data=" + folder.resolve("data"))).isZero();
        Path page = folder.resolve("output/2024-03/index.html");
        assertThat(page).isRegularFile();
        return page;
    }

    private static void open(Path page) {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.get(page.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> "true".equals(((JavascriptExecutor) b).executeScript("return document.body.dataset.ready")));
    }

    private static Object script(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    @Test
    void everyChartIsDrawnOnItsCanvas() {
        open(sample);
        List<WebElement> charts = browser.findElements(By.cssSelector(".chart"));

        assertThat(charts).as("groups, statuses, trend and one per supervision group").hasSize(3 + 5);
        for (WebElement chart : charts) {
            // the share of the canvas's pixels that are painted; a chart that failed leaves it empty
            Object painted = script("""
                    var canvas = arguments[0].querySelector('canvas');
                    if (!canvas || canvas.width === 0 || canvas.height === 0) { return 0; }
                    var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    var count = 0;
                    for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { count++; } }
                    return count / (pixels.length / 4);""", chart);
            assertThat(((Number) painted).doubleValue()).as("painted share of %s", chart.getAttribute("id")).isGreaterThan(0.01);
        }
    }

    @Test
    void theExceptionTableFiltersAsOneTypesAndSortsOnAHeaderClick() {
        open(sample);
        List<WebElement> rows = browser.findElements(By.cssSelector("#exception-table tbody tr"));
        assertThat(rows).hasSizeGreaterThan(5);
        String unit = rows.get(0).findElements(By.tagName("td")).get(3).getText();

        browser.findElement(By.id("exception-search")).sendKeys(unit);
        List<WebElement> shown = rows.stream().filter(WebElement::isDisplayed).toList();
        assertThat(shown).isNotEmpty().hasSizeLessThan(rows.size()).allSatisfy(r -> assertThat(r.getText()).contains(unit));
        assertThat(browser.findElement(By.id("exception-count")).getText())
                .isEqualTo("显示 " + shown.size() + " / " + rows.size() + " 条");

        browser.findElement(By.id("exception-search")).clear();
        browser.findElement(By.id("exception-search")).sendKeys(" ");
        assertThat(rows).allMatch(WebElement::isDisplayed);

        WebElement ruleHeader = browser.findElements(By.cssSelector("#exception-table th")).get(1);
        ruleHeader.click();
        List<String> ascending = column(1);
        assertThat(ascending).isEqualTo(ascending.stream().sorted(this::chinese).toList());
        ruleHeader.click();
        List<String> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        assertThat(column(1)).isEqualTo(descending);
        assertThat(ruleHeader.getAttribute("aria-sort")).isEqualTo("descending");
    }

    private int chinese(String a, String b) {
        return ((Number) script("return arguments[0].localeCompare(arguments[1], 'zh-CN', {numeric: true})", a, b)).intValue();
    }

    private List<String> column(int index) {
        return browser.findElements(By.cssSelector("#exception-table tbody tr td:nth-child(" + (index + 1) + ")"))
                .stream().map(WebElement::getText).toList();
    }

    @Test
    void unitsStandInRankOrderWithColouredLights() {
        open(sample);
        List<WebElement> rows = browser.findElements(By.cssSelector("#unit-table tbody tr"));
        assertThat(rows).hasSize(54);
        StringBuilder lights = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo(String.valueOf(i + 1));
            WebElement light = cells.get(1).findElement(By.cssSelector(".light"));
            lights.append(light.getText());
            assertThat(light.getCssValue("background-color")).isEqualTo(switch (light.getText()) {
                case "红" -> "rgba(217, 54, 62, 1)";
                case "黄" -> "rgba(242, 183, 5, 1)";
                default -> "rgba(46, 157, 87, 1)";
            });
        }
        assertThat(lights.toString()).as("red before yellow before green").matches("红+黄*绿*");
        assertThat(rows.get(0).getText()).contains("区残联", "沿用上期", "本期未报送，状态沿用此前报送");
    }

    @Test
    void nothingIsRequestedBeyondTheFileSystem() {
        open(sample);
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) script(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertThat(requested).allMatch(url -> url.startsWith("file:") || url.startsWith("data:"));
        assertThat(browser.getCurrentUrl()).startsWith("file:");

        // the page's policy refuses a request even when something tries one
        Object refused = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                document.addEventListener('securitypolicyviolation', function (e) { done(e.blockedURI); });
                var image = new Image();
                image.src = 'http://127.0.0.1:9/pixel.png';
                setTimeout(function () { done('not refused'); }, 5000);""");
        assertThat(refused).isEqualTo("http://127.0.0.1:9/pixel.png");
    }

    @Test
    void markupTypedByAUnitIsShownAndNeverRun() {
        open(hostile);

        assertThat(script("return window.injected")).isNull();
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(browser.findElement(By.id("unit-table")).getText()).contains("U05 区民政局" + HOSTILE);
        assertThat(browser.findElement(By.id("exception-table")).getText()).contains(HOSTILE);
        try {
            browser.switchTo().alert();
            throw new AssertionError("the page raised an alert");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertThat(browser.findElements(By.cssSelector("#chart-group-units .chart canvas"))).hasSize(3);
    }

    @Test
    void theWholePageIsKeptAsAScreenshot() throws IOException {
        open(sample);
        browser.manage().window().setSize(new Dimension(1400, 1400));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(FIRST_SCREEN, browser.getScreenshotAs(OutputType.BYTES));
        long height = (Long) script("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1400, (int) height));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOT, png);

        assertThat(png.length).isGreaterThan(100_000);
        assertThat(FIRST_SCREEN).isNotEmptyFile();
    }
}
