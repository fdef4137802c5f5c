package dev.outboundwishlist.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One handler serving many events, as a warm Lambda container does: in sequence and from several
 * threads at once, every response is the one a fresh handler gives for the same event (no state
 * leaks from one invocation into another), every invocation logs exactly its own line, no
 * parameter value reaches a log or a response, and the memory it keeps stays flat.
 */
class WarmContainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "NoEcho-secret-value";

    /** Each kind of event, and the response a fresh handler gives for it. */
    private record Kind(String name, ObjectNode event, ObjectNode expected) {
    }

    private static List<Kind> kinds;

    @BeforeAll
    static void eventsAndTheirFreshResponses() throws Exception {
        kinds = new ArrayList<>();
        try (var samples = Files.list(Path.of("../samples"))) {
            for (Path folder : samples.filter(f -> Files.exists(f.resolve("template.yaml"))).sorted().toList()) {
                kinds.add(kind(folder.getFileName().toString(), sampleEvent(folder.resolve("template.yaml"))));
            }
        }
        for (String file : List.of("sample-success.json", "bad-template.json", "no-fragment.json")) {
            kinds.add(kind(file, (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/events",
                    file)))));
        }
        assertThat(kinds.stream().map(k -> k.expected().get("status").asText())).contains("success", "failure");
    }

    private static Kind kind(String name, ObjectNode event) {
        ObjectNode expected = new MacroHandler().handle(event.toString().getBytes(StandardCharsets.UTF_8), line -> { });
        return new Kind(name, event, expected);
    }

    private static ObjectNode sampleEvent(Path template) throws Exception {
        ObjectNode fragment = TemplateReader.read(template).root().deepCopy();
        fragment.remove("Transform");
        ObjectNode event = JSON.createObjectNode();
        event.put("region", "us-east-1").put("accountId", "123456789012").put("requestId", "fresh")
                .put("transformId", "123456789012::OutboundWishlist");
        event.set("fragment", fragment);
        event.putObject("params");
        event.putObject("templateParameterValues").put("DatabasePassword", SECRET);
        return event;
    }

    /** Invocation {@code n} of a kind: its own requestId, and the response expected for it. */
    private static Map.Entry<byte[], ObjectNode> invocation(Kind kind, int n) {
        ObjectNode event = kind.event().deepCopy();
        ObjectNode expected = kind.expected().deepCopy();
        if (event.has("requestId")) {
            event.put("requestId", "req-" + n);
            expected.put("requestId", "req-" + n);
            if (expected.has("errorMessage")) {
                expected.put("errorMessage", expected.get("errorMessage").asText().replace("fresh", "req-" + n));
            }
        }
        return Map.entry(event.toString().getBytes(StandardCharsets.UTF_8), expected);
    }

    @Test
    void inSequenceEveryResponseIsTheFreshOne() {
        MacroHandler warm = new MacroHandler();
        for (int n = 0; n < 300; n++) {
            Kind kind = kinds.get(n % kinds.size());
            var call = invocation(kind, n);
            List<String> log = new ArrayList<>();
            ObjectNode response = warm.handle(call.getKey(), log::add);
            assertThat(response).as("invocation %d (%s)", n, kind.name()).isEqualTo(call.getValue());
            assertThat(log).hasSize(1);
            assertThat(log.get(0)).doesNotContain(SECRET);
            assertThat(response.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void fromSeveralThreadsEveryResponseIsTheFreshOneAndLogsItsOwnLine() throws Exception {
        MacroHandler warm = new MacroHandler();
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            order.add(n);
        }
        Collections.shuffle(order, new Random(7));
        Map<String, List<String>> logsByRequest = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int n : order) {
                calls.add(pool.submit(() -> {
                    Kind kind = kinds.get(n % kinds.size());
                    var call = invocation(kind, n);
                    ObjectNode response = warm.handle(call.getKey(), line -> logsByRequest.computeIfAbsent(
                            readRequestId(line), k -> Collections.synchronizedList(new ArrayList<>())).add(line));
                    assertThat(response).as("invocation %d (%s)", n, kind.name()).isEqualTo(call.getValue());
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long withRequestId = order.stream().filter(n -> kinds.get(n % kinds.size()).event().has("requestId")).count();
        assertThat(logsByRequest.keySet().stream().filter(id -> id.startsWith("req-"))).hasSize((int) withRequestId);
        logsByRequest.forEach((id, lines) -> {
            if (id.startsWith("req-")) {
                assertThat(lines).as(id).hasSize(1);
            }
        });
    }

    /** The heap kept after many invocations is what it was after a few: nothing accumulates per call. */
    @Test
    void memoryStaysFlatOverManyInvocations() {
        MacroHandler warm = new MacroHandler();
        for (int n = 0; n < 100; n++) {
            warm.handle(invocation(kinds.get(n % kinds.size()), n).getKey(), line -> { });
        }
        long before = retainedHeap();
        for (int n = 0; n < 1_000; n++) {
            warm.handle(invocation(kinds.get(n % kinds.size()), n).getKey(), line -> { });
        }
        long after = retainedHeap();
        assertThat(after - before).as("heap kept grew from %d to %d bytes", before, after)
                .isLessThan(16L * 1024 * 1024);
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String readRequestId(String line) {
        try {
            JsonNode parsed = JSON.readTree(line);
            return parsed.path("requestId").asText();
        } catch (Exception e) {
            return "(unreadable log line)";
        }
    }
}
