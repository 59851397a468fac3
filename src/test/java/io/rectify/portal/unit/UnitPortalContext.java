package io.rectify.portal.unit;

import static io.rectify.intake.TestWorkbooks.row;

import io.rectify.NightlyFixture;
import io.rectify.account.PortalUser;
import io.rectify.account.Role;
import io.rectify.portal.PortalTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal's test context ({@link PortalTestContext}: the standard ledger, units U01-U05, and
 * their accounts on a real H2 file database, Spring Security and MockMvc in front) with 2024-03 as
 * the open period, and the returns the unit tests send.
 */
@TestPropertySource(properties = "rectify.open-period=2024-03")
abstract class UnitPortalContext extends PortalTestContext {

    static final PortalUser U01 = new PortalUser("U01", "x", Role.UNIT, "U01", false, null, true);
    static final PortalUser U02 = new PortalUser("U02", "x", Role.UNIT, "U02", false, null, true);
    static final PortalUser GROUP = new PortalUser("第一督查组", "x", Role.SUPERVISOR, "第一督查组", false, null, true);
    static final PortalUser OFFICE = new PortalUser("office", "x", Role.OFFICE, null, false, null, true);

    @Autowired
    JdbcClient jdbc;

    /** U01's return for 2024-03 with T01 推进中: accepted. */
    static byte[] goodReturn(String unit, String name) {
        return workbook(NightlyFixture.unitReturn(unit, name, "2024-03", LocalDate.of(2024, 4, 3),
                row("T01", "推进中", null, "已起草实施意见"), row("T06", "推进中", null, "开展回头看")));
    }

    static byte[] workbook(java.util.function.Consumer<io.rectify.intake.TestWorkbooks.Writer> content) {
        try {
            Path file = NightlyFixture.write(Files.createTempDirectory(root, "made").resolve("return.xlsx"), content);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    /** Every file stored among the returns of {@code period}, hidden ones too. */
    static List<Path> storedReturns(String period) throws IOException {
        Path folder = root.resolve("input/returns").resolve(period);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The audit log's lines of one action, oldest first: "username|target|outcome|detail". */
    List<String> audited(String action) {
        return jdbc.sql("SELECT username, target, outcome, detail FROM audit_event WHERE action = ? ORDER BY id")
                .param(action).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .list();
    }
}
