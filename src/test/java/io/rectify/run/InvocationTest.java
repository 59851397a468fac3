package io.rectify.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.ops.RectifyProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InvocationTest {

    private static String restart(String data, String input) {
        ExecutionRecord execution = new ExecutionRecord(3, "nightly", "2024-03", null, null, null, null,
                ExecutionRecord.State.FAILED, null, null, true, input, null);
        return new Invocation(new RectifyProperties(null, null, Path.of(data), 15, 30, 5, 60, null, null, RectifyProperties.CompletedMeans.REPORTED, 0.10))
                .of("restart", execution);
    }

    @Test
    void chineseAndWindowsFoldersArePastedAsTheyAre() {
        assertThat(restart("/srv/整改数据", "D:\\巡视整改\\input"))
                .endsWith("restart 3 --input=D:\\巡视整改\\input --data=/srv/整改数据");
    }

    @Test
    void aFolderWithASpaceIsInDoubleQuotesWhichCmdPowerShellAndPosixShellsAllTake() {
        assertThat(restart("/srv/整改 数据", "C:\\Program Files\\rectify(input)"))
                .endsWith("restart 3 \"--input=C:\\Program Files\\rectify(input)\" \"--data=/srv/整改 数据\"");
    }
}
