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
 * The helper function's Python code, run against botocore's real service models with every AWS
 * call stubbed (test_helper.py), where a python3 with boto3 is installed (.ci/run installs
 * Debian's python3-boto3); elsewhere only the Java-side checks run.
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
        Assumptions.assumeTrue(python != null, "no python3 with boto3 installed");
        Files.writeString(temp.resolve("helper.py"), HelperFunction.CODE, StandardCharsets.UTF_8);
        Path tests = Path.of("src/test/resources/helper/test_helper.py").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(python, tests.toString()).redirectErrorStream(true);
        builder.environment().put("HELPER_DIR", temp.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 12 tests").contains("OK");
    }

    /** The first python3 that can import boto3: Debian's, then the PATH's. */
    private static String python() throws Exception {
        java.util.List<String> candidates = new java.util.ArrayList<>(java.util.List.of("/usr/bin/python3"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "python3").toString());
            }
        }
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                Process probe = new ProcessBuilder(candidate, "-c", "import boto3, botocore").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
