/**
 * The unit's own return, marked (docs/OUTPUTS.md): a copy of the file a unit sent, made from the
 * archived bytes, with each cell that has an exception filled by severity and given a comment
 * saying what is wrong and what to do, a 校验结果 column beside the rows with exceptions, and the
 * file's own problems noted at the top of its first sheet. Everything else of the file (values,
 * formats, drop-downs, merged cells, protection, hidden sheets, macros) is written back as it was,
 * so that the unit can fix this copy and send it again. {@link io.rectify.marking.ReturnMarker} is
 * what the report calls; this package knows nothing of the report.
 */
package io.rectify.marking;
