package dev.outboundwishlist.diagnostics;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A report line is one line of plain text, whatever the file name or the values quoted in it. */
class DiagnosticFormatTest {

    @Test
    void controlAndBidiCharactersAreShownAsEscapes() {
        Diagnostic diagnostic = new Diagnostic(DiagnosticCode.DEFINITION_INVALID, Severity.ERROR,
                TemplatePath.of("Resources", "M"), Optional.of(new SourcePosition(3, 5)),
                "'No\u001b[2Jpe' is not a state; \u202Eevil\u202C");
        assertThat(diagnostic.format("a\nb.yaml")).isEqualTo("a\\u000Ab.yaml:3:5: error OWL107 Resources/M: "
                + "'No\\u001B[2Jpe' is not a state; \\u202Eevil\\u202C");
    }

    @Test
    void printableTextIsLeftAlone() {
        assertThat(Diagnostic.printable("Ünïcödé 🚀 `code` — fine")).isEqualTo("Ünïcödé 🚀 `code` — fine");
    }
}
