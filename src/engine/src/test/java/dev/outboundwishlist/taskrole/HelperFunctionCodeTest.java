package dev.outboundwishlist.taskrole;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helper function's Python code, run here with boto3 replaced by fakes (test_helper.py), when
 * a python3 is on the PATH; without one, only the Java-side checks run.
 */
class HelperFunctionCodeTest {

    @TempDir
    Path temp;

    @Test
    void theCodeFitsLambdasInlineLimit() {
        assertThat(HelperFunction.CODE.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(4096);
        assertThat(HelperFunction.CODE).contains("def handler(event, context):");
    }

    @Test
    void theCodePassesItsOwnTests() throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "no python3 on the PATH");
        Files.writeString(temp.resolve("helper.py"), HelperFunction.CODE, StandardCharsets.UTF_8);
        Path tests = Path.of("src/test/resources/helper/test_helper.py").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(python, tests.toString()).redirectErrorStream(true);
        builder.environment().put("HELPER_DIR", temp.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 7 tests").contains("OK");
    }

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                return Path.of(dir, "python3").toString();
            }
        }
        return null;
    }
}
