package io.rectify.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckOutputsTest {

    @Test
    void theOutputsAreNamedAfterTheFileAsSentButNeverAsAPathHiddenOrTooLong() {
        assertThat(CheckOutputs.stem("U01-区委办公室-2024-03.xlsx")).isEqualTo("U01-区委办公室-2024-03");
        assertThat(CheckOutputs.stem("../../etc/报送表.xls")).isEqualTo("报送表");
        assertThat(CheckOutputs.stem("C:\\Users\\张三\\桌面\\U02.xlsm")).isEqualTo("U02");
        assertThat(CheckOutputs.stem("..xlsx")).isEqualTo("报送表");
        assertThat(CheckOutputs.stem(".hidden.xlsx")).isEqualTo("hidden");
        assertThat(CheckOutputs.stem("U03\u0007:*?.xlsx")).isEqualTo("U03____");
        assertThat(CheckOutputs.stem("进".repeat(300) + ".xlsx")).hasSize(60);
    }
}
