package io.rectify.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** STAND-IN for part A's writer of the check receipt and marked copy until it lands on main. */
@Component
public class CheckOutputs {

    public CheckedFiles write(CheckReport report, Path checkedFile, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path receipt = Files.copy(checkedFile, folder.resolve((report.unitCode() == null ? "未知" : report.unitCode()) + "-检查回执.xlsx"));
        Optional<Path> marked = report.exceptions().isEmpty() ? Optional.empty()
                : Optional.of(Files.copy(checkedFile, folder.resolve(report.unitCode() + "-标注.xlsx")));
        return new CheckedFiles(receipt, marked);
    }
}
