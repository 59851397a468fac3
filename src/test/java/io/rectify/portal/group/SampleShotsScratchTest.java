package io.rectify.portal.group;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.rectify.account.PortalUser;
import io.rectify.account.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {"spring.main.web-application-type=servlet",
        "rectify.input=/work/wt/portal-group/input", "rectify.output=/work/wt/portal-group/output",
        "rectify.data=/work/wt/portal-group/data"})
@AutoConfigureMockMvc
class SampleShotsScratchTest {
    @Autowired MockMvc mvc;
    @Autowired StoredPeriods periods;
    @Autowired io.rectify.consolidate.Consolidator consolidator;

    @Test
    void shots() throws Exception {
        long t0 = System.nanoTime();
        periods.of(YearMonth.of(2024, 3));
        long t1 = System.nanoTime();
        for (int i = 0; i < 10; i++) consolidator.consolidate(YearMonth.of(2024, 3), YearMonth.of(2024, 3).atEndOfMonth());
        long t2 = System.nanoTime();
        PortalUser sup = new PortalUser("第一督查组", "x", Role.SUPERVISOR, "第一督查组", false, null, true);
        PortalUser office = new PortalUser("office", "x", Role.OFFICE, null, false, null, true);
        String[][] pages = {{"home", "/group"}, {"exceptions", "/group/exceptions"}};
        for (int i = 0; i < 20; i++) mvc.perform(get("/group").with(user(sup))).andReturn();
        long a = System.nanoTime();
        for (int i = 0; i < 20; i++) periods.of(YearMonth.of(2024, 3));
        long b = System.nanoTime();
        for (int i = 0; i < 20; i++) periods.periods();
        long c = System.nanoTime();
        for (int i = 0; i < 20; i++) GroupFiles.of(Path.of("/work/wt/portal-group/output"), YearMonth.of(2024, 3), "第一督查组", periods.of(YearMonth.of(2024, 3)).consolidation().byUnit());
        long d = System.nanoTime();
        System.err.printf("MEASURE cached of %d ms, periods %d ms, files %d ms%n", (b-a)/20_000_000, (c-b)/20_000_000, (d-c)/20_000_000);
        long t3 = System.nanoTime();
        for (int i = 0; i < 20; i++) mvc.perform(get("/group").with(user(sup))).andReturn();
        long t4 = System.nanoTime();
        System.err.printf("MEASURE cold consolidate+standings %d ms; warm consolidate avg %d ms; cached page view avg %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 10_000_000, (t4 - t3) / 20_000_000);
        Path out = Path.of("/tmp/portal-group-shots");
        Files.createDirectories(out);
        save(out, "home", mvc.perform(get("/group").with(user(sup))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        save(out, "exceptions", mvc.perform(get("/group/exceptions").with(user(sup))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        save(out, "office", mvc.perform(get("/group").with(user(office))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        for (String g : new String[]{"第二督查组", "第三督查组", "第四督查组", "第五督查组"}) {
            save(out, g, mvc.perform(get("/group").param("group", g).with(user(office))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
    }

    private static void save(Path out, String name, String html) throws Exception {
        html = html.replace("href=\"/css/", "href=\"file:///work/wt/portal-group/src/main/resources/static/css/");
        Files.writeString(out.resolve(name + ".html"), html);
    }
}
