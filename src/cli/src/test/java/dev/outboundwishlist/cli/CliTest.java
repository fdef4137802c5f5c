package dev.outboundwishlist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool as a user runs it: commands, formats and exit codes. */
class CliTest {

    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus");
    private static final String CLEAN = CORPUS.resolve("engine/transform-string/input.yaml").toString();
    private static final String WARNING = CORPUS.resolve("engine/transform-after-sam/input.yaml").toString();
    private static final String BROKEN = CORPUS.resolve("errors/duplicate-key/input.yaml").toString();

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aFailedWriteToStandardOutputIsNotASuccess() {
        Writer full = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(full), new PrintWriter(err), "expand", CLEAN)).isEqualTo(73);
        assertThat(err.toString()).isEqualTo("error: cannot write to standard output (a full disk or a closed pipe?)\n");
    }

    @Test
    void expandWritesTheTemplateInTheInputsFormat() throws Exception {
        Run run = run("expand", CLEAN);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(CORPUS.resolve("engine/transform-string/expected.yaml")));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void expandWritesJsonToAFile() throws Exception {
        Path out = temp.resolve("out.json");
        Run run = run("expand", CLEAN, "--format", "json", "-o", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("{\n  \"Resources\": {\n    \"Queue\": {\n      \"Type\": \"AWS::SQS::Queue\"\n    }\n  }\n}\n");
    }

    @Test
    void theOutputFilesExtensionChoosesTheFormat() throws Exception {
        Path out = temp.resolve("out.json");
        assertThat(run("expand", CLEAN, "-o", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out)).startsWith("{\n");
        Path yaml = temp.resolve("out.yml");
        assertThat(run("expand", CORPUS.resolve("io/long-form-json/input.json").toString(), "-o", yaml.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(yaml)).startsWith("AWSTemplateFormatVersion: '2010-09-09'\n");
    }

    @Test
    void anOutputThatCannotBeWrittenIsAClearError() {
        Run missingFolder = run("expand", CLEAN, "-o", temp.resolve("no/such/folder/out.yaml").toString());
        assertThat(missingFolder.exitCode()).isEqualTo(73);
        assertThat(missingFolder.err()).isEqualTo(temp.resolve("no/such/folder/out.yaml")
                + ": error: cannot write the expanded template: its folder does not exist\n");
        Run directory = run("expand", CLEAN, "-o", temp.toString());
        assertThat(directory.exitCode()).isEqualTo(73);
        assertThat(directory.err()).startsWith(temp + ": error: cannot write the expanded template: ");
    }

    @Test
    void expandOfABrokenTemplateWritesNothingAndExitsTwo() {
        Run run = run("expand", BROKEN);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(BROKEN + ":7:7: error OWL008 Resources/Queue/Properties/DelaySeconds: "
                + "is a duplicate key (first at line 5); CloudFormation rejects templates with duplicate keys\n");
    }

    @Test
    void expandShowsWarningsOnStandardErrorAndStillSucceeds() {
        Run run = run("expand", WARNING);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning OWL102");
        assertThat(run.out()).startsWith("Transform: ['AWS::Serverless-2016-10-31']\n");
    }

    @Test
    void validateExitCodesAreABitMask() {
        assertThat(run("validate", CLEAN).exitCode()).isZero();
        assertThat(run("validate", BROKEN).exitCode()).isEqualTo(2);
        assertThat(run("validate", WARNING).exitCode()).isEqualTo(4);
        assertThat(run("validate", BROKEN, WARNING, CLEAN).exitCode()).isEqualTo(6);
    }

    @Test
    void validateFailsOnWhatNonZeroExitCodeSays() {
        assertThat(run("validate", WARNING, "--non-zero-exit-code", "error").exitCode()).isZero();
        assertThat(run("validate", BROKEN, WARNING, "--non-zero-exit-code", "error").exitCode()).isEqualTo(2);
        assertThat(run("validate", BROKEN, WARNING, "--non-zero-exit-code", "none").exitCode()).isZero();
        assertThat(run("validate", WARNING, "--non-zero-exit-code", "info").exitCode()).isEqualTo(64);
        // A test report agrees with the exit code: an accepted warning is no failed test.
        assertThat(run("validate", WARNING, "--format", "junit").out()).contains("<failure type=\"warning\"");
        assertThat(run("validate", WARNING, "--format", "junit", "--non-zero-exit-code", "error").out())
                .doesNotContain("<failure").contains("failures=\"0\"");
    }

    @Test
    void validateTextReportEndsWithASummary() {
        Run run = run("validate", BROKEN, CLEAN);
        assertThat(run.out()).endsWith("2 templates checked: 1 error, 0 warnings, 0 infos\n");
    }

    @Test
    void validateJsonListsEveryFinding() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(run("validate", "--format", "json", BROKEN, WARNING).out());
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).get("code").asText()).isEqualTo("OWL008");
        assertThat(findings.get(0).get("line").asInt()).isEqualTo(7);
        assertThat(findings.get(0).get("path").asText()).isEqualTo("Resources/Queue/Properties/DelaySeconds");
        assertThat(findings.get(1).get("severity").asText()).isEqualTo("warning");
    }

    @Test
    void sarifLocationsAreRelativeToTheCheckoutWherePossible() {
        String inside = Path.of("templates", "a b.yaml").toAbsolutePath().toString();
        assertThat(SarifReport.uri(inside)).isEqualTo("templates/a%20b.yaml");
        assertThat(SarifReport.uri("templates/x.yaml")).isEqualTo("templates/x.yaml");
        Path outside = Path.of("").toAbsolutePath().getRoot().resolve("elsewhere-" + System.nanoTime()).resolve("t.yaml");
        assertThat(SarifReport.uri(outside.toString())).isEqualTo(outside.toUri().toASCIIString()).startsWith("file:/");
    }

    @Test
    void validateSarifHasRulesAndLocatedResults() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(run("validate", "--format", "sarif", BROKEN).out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/rules").size()).isGreaterThan(10);
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("OWL008");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
        assertThat(run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText()).isEqualTo("OWL008");
    }

    @Test
    void validateSarifConformsToTheSarif210Schema() throws Exception {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        String sarif = run("validate", "--format", "sarif", BROKEN, CLEAN, CORPUS.resolve("catch-errors").toString()
                + "/no-such-template.yaml", CORPUS.resolve("roles/sam-external-role/input.yaml").toString()).out();
        assertThat(new ObjectMapper().readTree(sarif).at("/runs/0/results").size()).isGreaterThan(2);
        assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(sarif.replace("\"level\" : \"error\"", "\"level\" : \"fatal\""), InputFormat.JSON))
                .as("the schema check itself works").isNotEmpty();
    }

    @Test
    void oneFileThatCannotBeProcessedDoesNotHideTheOthers() throws Exception {
        Path odd = temp.resolve("transform-mapping.yaml");
        Files.writeString(odd, "Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}\n"
                + "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        Run run = run("validate", odd.toString(), BROKEN);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("error OWL008").doesNotContain("OWL999");
    }

    @Test
    void validateJunitIsWellFormedXml() throws Exception {
        String xml = run("validate", "--format", "junit", BROKEN, CLEAN).out();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(2);
    }

    /** Every bad input of the corpus: one clear line each, no stack trace, exit code 2. */
    @Test
    void badInputsGiveOneClearErrorAndNoStackTrace() throws Exception {
        try (var folders = Files.list(CORPUS.resolve("errors"))) {
            for (Path folder : folders.sorted().toList()) {
                Path input = Files.exists(folder.resolve("input.json")) ? folder.resolve("input.json") : folder.resolve("input.yaml");
                Run run = run("expand", input.toString());
                assertThat(run.exitCode()).as(folder.toString()).isEqualTo(2);
                assertThat(run.out()).isEmpty();
                assertThat(run.err()).as(folder.toString()).contains(" error OWL").doesNotContain("Exception", "\tat ");
            }
        }
    }

    @Test
    void aDirectoryIsNoTemplate() {
        Run run = run("validate", temp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith(temp + ": error OWL001 is a directory; name a template file\n");
    }

    @Test
    void expandRefusesToWriteOverTheTemplateItExpands(@TempDir Path folder) throws Exception {
        Path template = folder.resolve("template.yaml");
        String written = "# kept\nResources:\n  Bucket: {Type: AWS::S3::Bucket}\n";
        Files.writeString(template, written);
        Run run = run("expand", template.toString(), "-o", folder.resolve(".").resolve("template.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("' is the template being expanded; write the expansion to another file");
        assertThat(Files.readString(template)).isEqualTo(written);
    }

    @Test
    void anotherAccountsResourceIsJudgedOnlyWithTheStacksAccount(@TempDir Path folder) throws Exception {
        Path template = folder.resolve("template.yaml");
        Files.writeString(template, """
                Transform: [OutboundWishlist, AWS::Serverless-2016-10-31]
                Resources:
                  Reader:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      InlineCode: "def handler(e, c): return e"
                      Policies:
                        - Statement:
                            - {Effect: Allow, Action: sqs:SendMessage, Resource: 'arn:aws:sqs:us-east-1:222222222222:q'}
                      OutboundNetworkAccess: {Enabled: false}
                """);
        assertThat(run("validate", template.toString()).out()).contains("info OWL210 Resources/Reader/Properties/"
                + "OutboundNetworkAccess: names resources of the account(s) 222222222222 by ARN").doesNotContain("warning OWL");
        assertThat(run("validate", template.toString(), "--account", "222222222222").out())
                .doesNotContain("OWL220").doesNotContain("names resources of the account");
        assertThat(run("validate", template.toString(), "--account", "111111111111").out())
                .contains("warning OWL220 Resources/Reader/Properties/Policies/0/Statement/0/Resource: names "
                        + "arn:aws:sqs:us-east-1:222222222222:q, a resource of the account 222222222222");
    }

    @Test
    void anEmptyFileNameIsNamedAsEmpty() {
        Run run = run("validate", "");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("'': error OWL001 is an empty file name; name a template file\n");
    }

    @Test
    void diagramWithNothingToDrawSaysSo(@TempDir Path folder) throws Exception {
        Path bucket = folder.resolve("bucket.yaml");
        Files.writeString(bucket, "Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n");
        Run markdown = run("diagram", bucket.toString(), "--format", "markdown");
        assertThat(markdown.exitCode()).isZero();
        assertThat(markdown.out()).isEqualTo("_nothing to draw: the template has no state machine and fences no "
                + "function_\n");
        assertThat(markdown.err()).isEqualTo("nothing to draw: the template has no state machine and fences no "
                + "function\n");
        assertThat(run("diagram", bucket.toString()).out()).isEqualTo("flowchart TD\n");
    }

    @Test
    void diagramDrawsTheExpandedStateMachines() {
        String wish = CORPUS.resolve("catch/wish-example/input.yaml").toString();
        Run mermaid = run("diagram", wish);
        assertThat(mermaid.exitCode()).isZero();
        assertThat(mermaid.out()).startsWith("%% Workflow\nflowchart TD\n").contains(" -.->|\"States.ALL\"| s0_3");
        Run dot = run("diagram", wish, "--format", "dot");
        assertThat(dot.out()).startsWith("digraph \"Workflow\" {").contains("style=dashed");
        Run markdown = run("diagram", wish, "--format", "markdown");
        assertThat(markdown.out()).startsWith("### State machine `Workflow`\n\n```mermaid\n%% Workflow\n")
                .endsWith("```\n");
        assertThat(run("diagram", wish, "--only", "Workflow").out()).isEqualTo(mermaid.out());
        Run unknown = run("diagram", wish, "--only", "Network");
        assertThat(unknown.exitCode()).isEqualTo(64);
        assertThat(unknown.err()).contains("Invalid value for option '--only': 'Network' is not drawn from this "
                + "template; choose one of: Workflow");
        Run broken = run("diagram", BROKEN);
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.out()).isEmpty();
        assertThat(broken.err()).contains("error OWL008");
    }

    @Test
    void planSummarisesTheExpansionInEachFormat() throws Exception {
        String wish = CORPUS.resolve("catch/wish-example/input.yaml").toString();
        Run text = run("plan", wish);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("State machines\n  Workflow\n    Invoke function 1\n"
                + "      + Catch States.ALL -> Catch failure\n");
        assertThat(run("plan", wish, "--format", "markdown").out()).startsWith("### OutboundWishlist plan\n")
                .contains("| Invoke function 3 |  | States.ALL -&gt; Catch failure |  |");
        JsonNode json = new ObjectMapper().readTree(run("plan", wish, "--format", "json").out());
        assertThat(json.at("/machines/0/states")).hasSize(3);
        assertThat(json.at("/machines/0/states/2/catchers/0").asText()).isEqualTo("States.ALL -> Catch failure");
        assertThat(json.at("/cost/monthlyTotal").decimalValue()).isZero();
        Run broken = run("plan", BROKEN);
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.out()).isEmpty();
        assertThat(broken.err()).contains("error OWL008");
    }

    @Test
    void aMissingFileIsAnErrorFinding() {
        Run run = run("validate", "no-such-template.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("no-such-template.yaml: error OWL001 cannot be read: no such file\n");
    }

    @Test
    void helpVersionAndUsageErrors() {
        assertThat(run("--version").out()).startsWith("outboundwishlist ");
        Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("expand", "validate", "Exit codes:");
        Run bad = run("expand", "--no-such-option", CLEAN);
        assertThat(bad.exitCode()).isEqualTo(64);
        assertThat(bad.err()).contains("Unknown option: '--no-such-option'");
        assertThat(run("validate").exitCode()).isEqualTo(64);
    }

    @Test
    void stackOptionsAreAccepted() {
        Run run = run("validate", CLEAN, "--region", "cn-north-1", "--account", "123456789012", "--parameter", "Env=prod");
        assertThat(run.exitCode()).isZero();
        Run badAccount = run("validate", CLEAN, "--account", "12345");
        assertThat(badAccount.exitCode()).isEqualTo(64);
        assertThat(badAccount.err()).startsWith("Invalid value for option '--account': '12345' is not a 12-digit AWS account id");
        assertThat(run("validate", CLEAN, "--region", "moon").exitCode()).isEqualTo(64);
        Run badParameter = run("validate", CLEAN, "--parameter", "Env");
        assertThat(badParameter.exitCode()).isEqualTo(64);
        assertThat(badParameter.err()).startsWith("Invalid value for option '--parameter': 'Env' is not KEY=VALUE");
        assertThat(run("validate", CLEAN, "--parameter", "=prod").exitCode()).isEqualTo(64);
        Run twice = run("validate", CLEAN, "--parameter", "Env=prod", "--parameter", "Env=dev");
        assertThat(twice.exitCode()).isEqualTo(64);
        assertThat(twice.err()).startsWith("Invalid value for option '--parameter': 'Env' is given twice");
    }
}
