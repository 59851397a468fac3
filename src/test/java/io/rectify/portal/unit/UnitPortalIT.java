package io.rectify.portal.unit;

import static io.rectify.intake.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.NightlyFixture;
import io.rectify.TestFolders;
import io.rectify.account.Accounts;
import io.rectify.account.IssuedPassword;
import io.rectify.ledger.LedgerImporter;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerWorkbookFixture;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A unit's first visit in a real browser (Debian's headless Chromium, as DashboardIT): the portal
 * served on a free port with the standard ledger imported and the accounts created; U01 signs in
 * with its initial password, must change it, uploads a return with an error, reads the error's cell
 * and message on the page and downloads its marked copy. Each step's screenshot is kept in
 * target/portal-screenshots/; the receipt's is docs/images/portal-unit.png's source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "rectify.open-period=2024-03"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UnitPortalIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target/portal-screenshots");
    private static final String NEW_PASSWORD = "Sanyue2024jianli";

    @TempDir
    static Path root;
    private static ChromeDriver browser;
    private static Path downloads;

    @LocalServerPort
    int port;
    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    Accounts accounts;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestFolders.register(registry, root);
    }

    @BeforeAll
    static void openTheBrowser() throws IOException {
        downloads = Files.createDirectories(root.resolve("downloads"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--lang=zh-CN", "--hide-scrollbars")
                .setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .withLogOutput(OutputStream.nullOutputStream()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String initialPassword() {
        LedgerWorkbookFixture.standard().writeToMaster(root.resolve("input"));
        importer.refresh(root.resolve("input/master"));
        List<IssuedPassword> issued = accounts.createMissing(ledgers.load());
        return issued.stream().filter(p -> p.username().equals("U01")).findFirst().orElseThrow().password();
    }

    @Test
    void aUnitSignsInChangesItsPasswordUploadsAReturnWithAnErrorAndDownloadsItsMarkedCopy() throws Exception {
        String initial = initialPassword();
        Path withError = NightlyFixture.write(root.resolve("发改委三月报表.xlsx"), NightlyFixture.unitReturn("U01", "区发展改革委",
                "2024-03", LocalDate.of(2024, 4, 3), row("T01", "差不多了", null, "已起草实施意见"),
                row("T06", "推进中", null, "开展回头看")));

        browser.get(url("/unit"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        type("username", "U01");
        type("password", initial);
        screenshot("01-login");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        assertThat(browser.getCurrentUrl()).contains("/password");
        type("current", initial);
        type("next", NEW_PASSWORD);
        type("repeat", NEW_PASSWORD);
        screenshot("02-password");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        browser.get(url("/unit"));
        assertThat(browser.findElement(By.id("todo")).getText()).contains("2024年3月", "本期报表尚未接收");
        screenshot("03-home");
        browser.findElement(By.id("file")).sendKeys(withError.toString());
        browser.findElement(By.id("submit")).click();

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl().matches(".*/unit/uploads/\\d+$"));
        assertThat(browser.findElement(By.id("conclusion")).getText()).contains("已接收，今晚汇总", "发改委三月报表.xlsx");
        List<WebElement> error = browser.findElements(By.cssSelector("#exceptions tbody tr")).stream()
                .filter(r -> r.getText().contains("整改状态无效")).toList();
        assertThat(error).singleElement().satisfies(r -> {
            List<WebElement> cells = r.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo("错误");
            assertThat(cells.get(2).getText()).isEqualTo("整改进展");
            assertThat(cells.get(3).getText()).isEqualTo("B8");
            assertThat(cells.get(4).getText()).isEqualTo("差不多了");
            assertThat(cells.get(5).getText()).contains("整改状态只能填写");
        });
        screenshot("04-receipt");
        // the README's picture: a 1280 × 900 page (the window's frame takes the rest)
        browser.manage().window().setSize(new Dimension(1280, 900 + 900 - viewportHeight()));
        Files.write(SCREENSHOTS.resolve("portal-unit.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.id("marked")).click();
        Path marked = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> downloaded("-标注.xlsx"));
        screenshot("05-downloaded");
        try (Workbook workbook = WorkbookFactory.create(marked.toFile())) {
            Sheet progress = workbook.getSheet("整改进展");
            assertThat(progress.getRow(7).getCell(1).getCellComment()).isNotNull();
            assertThat(texts(progress)).contains("校验结果");
        }
    }

    private static int viewportHeight() {
        return ((Number) browser.executeScript("return window.innerHeight")).intValue();
    }

    /** The file the browser has finished downloading whose name ends so; null while there is none. */
    private static Path downloaded(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(Sheet sheet) {
        return Stream.iterate(0, r -> r <= sheet.getLastRowNum(), r -> r + 1).map(sheet::getRow).filter(r -> r != null)
                .flatMap(UnitPortalIT::cells).toList();
    }

    private static Stream<String> cells(Row row) {
        return Stream.iterate(0, c -> c < row.getLastCellNum(), c -> c + 1).map(row::getCell)
                .filter(c -> c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING).map(Cell::getStringCellValue);
    }
}
