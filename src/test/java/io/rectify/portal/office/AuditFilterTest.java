package io.rectify.portal.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rectify.audit.AuditAction;
import io.rectify.audit.AuditFilter;
import io.rectify.audit.AuditOutcome;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The audit page's filter as the form sends it: read without the database, each mistake told in Chinese. */
class AuditFilterTest {

    private static AuditController.Query query(String from, String to, String action, String outcome) {
        return new AuditController.Query(from, to, " U01 ", action, outcome, null);
    }

    @Test
    void aFilledFormBecomesTheFilter() {
        AuditFilter filter = AuditController.filter(query("2024-04-01", " 2024-04-03 ", "LOGIN", "REFUSED"));

        assertThat(filter).isEqualTo(new AuditFilter(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 3), "U01",
                AuditAction.LOGIN, AuditOutcome.REFUSED));
        assertThat(AuditController.filter(query("", null, "", null))).isEqualTo(new AuditFilter(null, null, "U01", null, null));
    }

    @Test
    void eachMistakeSaysWhatToFix() {
        assertThatThrownBy(() -> AuditController.filter(query("2024/4/1", null, null, null)))
                .hasMessage("开始日期“2024/4/1”无法识别：请填写日期，如 2024-04-01");
        assertThatThrownBy(() -> AuditController.filter(query("2024-04-03", "2024-04-01", null, null)))
                .hasMessage("结束日期早于开始日期：请把开始日期改到结束日期之前");
        assertThatThrownBy(() -> AuditController.filter(query(null, null, "DROP", null)))
                .hasMessage("筛选条件“DROP”无法识别：请从列表中选择");
    }
}
