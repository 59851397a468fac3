package io.rectify.workbook;

/** A sheet of a workbook and whether a person opening the workbook can see it. */
public record SheetInfo(String name, boolean hidden) {
}
