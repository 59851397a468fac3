package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.WorkbookReader;
import org.apache.poi.EncryptedDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one unit return (SPEC §3) into a {@link UnitReturn}, or refuses it as file-unreadable,
 * file-encrypted or template-mismatch (SPEC §4). Never throws for a bad file: whatever the file
 * holds, the outcome says what happened and what the unit should do. Never modifies the file.
 * Stateless and safe to share.
 */
public final class ReturnReader {

    private static final Logger log = LoggerFactory.getLogger(ReturnReader.class);

    private final WorkbookOpener opener = new WorkbookOpener();

    public ReadOutcome read(FoundFile file) {
        try (WorkbookReader workbook = opener.open(file.path())) {
            return new ReturnParser(file.relative(), workbook).parse();
        } catch (WorkbookOpener.Refusal refusal) {
            log.info("{}: {} ({})", file.relative(), refusal.rule().code(), refusal.getMessage());
            return refused(refusal);
        } catch (EncryptedDocumentException e) {
            log.info("{}: encrypted content ({})", file.relative(), e.getMessage());
            return refused(new WorkbookOpener.Refusal(Rule.FILE_ENCRYPTED, "文件部分内容已加密，无法读取；请取消密码后重新报送"));
        } catch (Exception e) {
            // a damaged package fails anywhere: in the zip, in a sheet's XML, in a record of an .xls
            log.warn("{}: could not be read", file.relative(), e);
            return refused(WorkbookOpener.zipBomb(e) ? WorkbookOpener.zipBombRefusal()
                    : WorkbookOpener.unreadable("文件内容已损坏，读取时出错；请确认文件能用 Excel 正常打开，" + WorkbookOpener.SAVE_AS_XLSX));
        }
    }

    private static ReadOutcome.Refused refused(WorkbookOpener.Refusal refusal) {
        return new ReadOutcome.Refused(refusal.rule(), null, null, null, null, refusal.getMessage());
    }
}
