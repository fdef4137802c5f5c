package dev.outboundwishlist.template;

import dev.outboundwishlist.diagnostics.DiagnosticCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Inputs too large or too strange to keep as corpus files: each gets one clear, positioned error. */
class HostileInputTest {

    private static TemplateReadException reject(String name, byte[] bytes) {
        return catchThrowableOfType(TemplateReadException.class,
                () -> TemplateReader.read(name, bytes, Optional.empty()));
    }

    private static TemplateReadException reject(String name, String text) {
        return reject(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tenThousandDeepYamlFlowNesting() {
        String deep = "Resources: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        TemplateReadException e = reject("deep.yaml", deep);
        assertThat(e.code()).isEqualTo(DiagnosticCode.TOO_DEEP);
        assertThat(e.getMessage()).isEqualTo("is nested more than 200 levels deep");
        assertThat(e.position()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void deepYamlBlockNesting() {
        // Block indentation grows with depth, so 1 MB holds only about 1,400 levels; 300 is past the limit.
        StringBuilder deep = new StringBuilder("Resources:\n");
        for (int i = 1; i <= 300; i++) {
            deep.append(" ".repeat(i)).append("k:\n");
        }
        assertThat(reject("deep.yaml", deep.toString()).code()).isEqualTo(DiagnosticCode.TOO_DEEP);
    }

    @Test
    void tenThousandDeepJsonNesting() {
        String deep = "{\"Resources\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        TemplateReadException e = reject("deep.json", deep);
        assertThat(e.code()).isEqualTo(DiagnosticCode.TOO_DEEP);
        assertThat(e.path().toString()).startsWith("Resources/0/0/0");
    }

    @Test
    void binaryGarbage() {
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        TemplateReadException e = reject("garbage.yaml", garbage);
        assertThat(e.code()).isEqualTo(DiagnosticCode.UNREADABLE);
        assertThat(e.getMessage()).isEqualTo("is not UTF-8 text; CloudFormation templates are UTF-8 YAML or JSON");
    }

    /** JSON allows DEL unescaped in a string; YAML only as an escape. */
    @Test
    void deleteIsTextInJsonButNotInYaml() throws TemplateReadException {
        Template json = TemplateReader.read("del.json", "{\"Resources\": {\"X\": \"a\u007Fb\"}}"
                .getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(json.root().at("/Resources/X").textValue()).isEqualTo("a\u007Fb");
        assertThat(reject("del.yaml", "Resources:\n  X: a\u007Fb\n").getMessage())
                .isEqualTo("holds the control character U+007F; is this a binary file?");
    }

    @Test
    void controlCharactersInValidUtf8() {
        TemplateReadException e = reject("nul.yaml", "Resources:\n  X: a\u0000b\n");
        assertThat(e.code()).isEqualTo(DiagnosticCode.UNREADABLE);
        assertThat(e.getMessage()).isEqualTo("holds the control character U+0000; is this a binary file?");
        assertThat(e.position()).hasValueSatisfying(p -> assertThat(p).hasToString("2:7"));
    }

    @Test
    void overOneMegabyte() {
        String big = "Resources: {}\nDescription: " + "x".repeat(1_048_576) + "\n";
        TemplateReadException e = reject("big.yaml", big);
        assertThat(e.code()).isEqualTo(DiagnosticCode.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo("is 1048604 bytes; CloudFormation accepts templates of at most 1048576 bytes (1 MB)");
    }

    @Test
    void aliasBombOfWideLists() {
        StringBuilder bomb = new StringBuilder("a: &a [" + "x,".repeat(999) + "x]\n");
        bomb.append("b: &b [").append("*a,".repeat(999)).append("*a]\n");
        bomb.append("c: [").append("*b,".repeat(999)).append("*b]\nResources: {}\n");
        assertThat(reject("bomb.yaml", bomb.toString()).code()).isEqualTo(DiagnosticCode.ALIAS_LIMIT);
    }

    @Test
    void byteOrderMarkIsIgnored() throws TemplateReadException {
        Template template = TemplateReader.read("bom.yaml",
                "\uFEFFResources: {}\n".getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(template.root().has("Resources")).isTrue();
    }

    @Test
    void aHundredThousandEntryListIsFine() throws TemplateReadException {
        String list = "Resources: {}\nBig: [" + "1,".repeat(99_999) + "1]\n";
        Template template = TemplateReader.read("big-list.yaml", list.getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(template.root().get("Big")).hasSize(100_000);
    }

    @Test
    void anEndlessDeviceIsRefusedUnread() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a system with /dev/zero");
        TemplateReadException e = catchThrowableOfType(TemplateReadException.class, () -> TemplateReader.read(zero));
        assertThat(e.code()).isEqualTo(DiagnosticCode.UNREADABLE);
        assertThat(e.getMessage()).isEqualTo("is not a regular file but a device or a pipe");
    }

    @Test
    void aFileOverTheLimitIsReadNoFurtherThanTheLimit(@TempDir Path folder) throws Exception {
        Path big = folder.resolve("big.yaml");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "# padding\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200_000; i++) {
                out.write(line);
            }
        }
        TemplateReadException e = catchThrowableOfType(TemplateReadException.class, () -> TemplateReader.read(big));
        assertThat(e.code()).isEqualTo(DiagnosticCode.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo("is 2000000 bytes; CloudFormation accepts templates of at most 1048576 "
                + "bytes (1 MB)");
    }
}
