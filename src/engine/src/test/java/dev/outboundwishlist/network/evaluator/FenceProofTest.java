package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReader;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.SourceMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of the fence: templates with random mixes of isolated, allow-list and untouched
 * functions are expanded, and the network evaluator (which knows CloudFormation, not the
 * generator) checks what each function can reach and resolve. Seeded, so a failure names the
 * seed that reproduces it.
 */
class FenceProofTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DOMAINS = {"api.partner.example", "hooks.example.com", "files.vendor.example",
        "search.example.org", "metrics.example.net"};
    private static final String[] CIDRS = {"203.0.113.0/24", "198.51.100.7/32", "192.0.2.64/26"};
    private static final String[] SERVICES = {"sqs", "s3", "dynamodb", "secretsmanager", "execute-api"};
    /** For each of those services, a call that would let code pass the account's own resources outward. */
    private static final Map<String, String> WAYS_OUT = Map.of("sqs", "sqs:SetQueueAttributes",
            "s3", "s3:PutBucketPolicy", "dynamodb", "dynamodb:ExportTableToPointInTime",
            "secretsmanager", "secretsmanager:PutResourcePolicy");
    /** Public addresses no allow-list in these templates contains. */
    private static final String[] STRANGERS = {"8.8.8.8", "93.184.216.34", "45.33.32.156"};

    record Fn(String id, String mode, List<ObjectNode> entries, List<String> services) {
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 1000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyFunctionReachesExactlyWhatItsFenceAllows(long seed) {
        Random random = new Random(seed);
        List<Fn> functions = randomFunctions(random, true);
        ObjectNode input = template(functions);
        ExpansionResult result = Engine.standard().run(new Template("seed-" + seed, TemplateFormat.YAML,
                input.deepCopy(), SourceMap.NONE, Optional.empty()), Environment.offline());
        assertThat(result.template()).as("seed %d expands: %s", seed, result.diagnostics()).isPresent();
        JsonNode expanded = result.template().get();
        NetworkEvaluator network = NetworkEvaluator.of(expanded, "us-east-1", "123456789012");
        List<String> allDomains = functions.stream().flatMap(f -> f.entries().stream())
                .filter(e -> e.has("Domain")).map(e -> e.get("Domain").asText().replace("*.", "")).toList();
        for (Fn fn : functions) {
            String what = "seed " + seed + ", " + fn.id() + " (" + fn.mode() + ")";
            switch (fn.mode()) {
                case "untouched" -> assertThat(expanded.at("/Resources/" + fn.id()))
                        .as(what).isEqualTo(input.at("/Resources/" + fn.id()));
                case "isolated" -> {
                    for (String ip : STRANGERS) {
                        for (int port : new int[] {443, 80}) {
                            assertThat(network.reach(fn.id(), "tcp", ip, port, "api.partner.example").fromAnySubnet())
                                    .as(what + " reaches " + ip + ":" + port).isFalse();
                        }
                        assertThat(network.reach(fn.id(), "udp", ip, 53, null).fromAnySubnet()).as(what).isFalse();
                    }
                    for (String cidr : CIDRS) {
                        assertThat(network.reach(fn.id(), "tcp", firstAddress(cidr), 443, null).fromAnySubnet())
                                .as(what + " reaches " + cidr).isFalse();
                    }
                    assertThat(network.canResolve(fn.id(), "exfil.attacker.example")).as(what).isFalse();
                    checkServices(network, fn, what);
                }
                default -> {
                    checkAllowList(network, fn, functions, what);
                    checkServices(network, fn, what);
                    assertThat(network.canResolve(fn.id(), "exfil.attacker.example")).as(what).isFalse();
                }
            }
        }
        // The DNS Firewall covers the whole VPC: names resolve only if some allow-list (or AWS) needs them.
        for (Fn fn : functions) {
            if (!fn.mode().equals("untouched")) {
                for (String domain : DOMAINS) {
                    boolean listed = allDomains.stream().anyMatch(d -> d.equals(domain) || domain.endsWith("." + d));
                    if (!listed) {
                        assertThat(network.canResolve(fn.id(), domain)).as("seed %d, %s resolves %s", seed, fn.id(),
                                domain).isFalse();
                    }
                }
            }
        }
    }

    /**
     * In a VPC the user brings, the worst one (every subnet routes out through NAT; the gateway
     * endpoints have no policy), the functions' security groups alone keep them to their fence.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void inAnExistingVpcTheSecurityGroupsAloneHoldTheFence(long seed) throws Exception {
        Random random = new Random(seed);
        List<Fn> functions = randomFunctions(random, false);
        ObjectNode input = template(functions);
        ObjectNode userVpc = (ObjectNode) TemplateReader.read(Path.of(FenceProofTest.class
                .getResource("/network-evaluator/leaky-user-vpc.yaml").toURI())).root();
        ((ObjectNode) input.get("Resources")).setAll((ObjectNode) userVpc.get("Resources"));
        ObjectNode existing = input.putObject("Metadata").putObject("OutboundWishlist").putObject("Network")
                .putObject("ExistingVpc");
        existing.putObject("VpcId").put("Ref", "UserVpc");
        existing.putArray("IsolatedSubnetIds").add(ref("UserIsolatedA")).add(ref("UserIsolatedB"));
        existing.putArray("EgressSubnetIds").add(ref("UserEgressA")).add(ref("UserEgressB"));
        existing.putArray("EndpointSubnetIds").add(ref("UserIsolatedA")).add(ref("UserIsolatedB"));
        ExpansionResult result = Engine.standard().run(new Template("existing-" + seed, TemplateFormat.YAML,
                input.deepCopy(), SourceMap.NONE, Optional.empty()), Environment.offline());
        assertThat(result.template()).as("seed %d expands: %s", seed, result.diagnostics()).isPresent();
        JsonNode expanded = result.template().get();
        NetworkEvaluator network = NetworkEvaluator.of(expanded, "us-east-1", "123456789012");
        for (Fn fn : functions) {
            String what = "seed " + seed + ", " + fn.id() + " (" + fn.mode() + ", existing VPC)";
            switch (fn.mode()) {
                case "untouched" -> assertThat(expanded.at("/Resources/" + fn.id()))
                        .as(what).isEqualTo(input.at("/Resources/" + fn.id()));
                case "isolated" -> {
                    for (String ip : STRANGERS) {
                        for (int port : new int[] {443, 80}) {
                            assertThat(network.reach(fn.id(), "tcp", ip, port, "api.partner.example").fromAnySubnet())
                                    .as(what + " reaches " + ip + ":" + port).isFalse();
                        }
                        assertThat(network.reach(fn.id(), "udp", ip, 53, null).fromAnySubnet()).as(what).isFalse();
                    }
                    for (String cidr : CIDRS) {
                        assertThat(network.reach(fn.id(), "tcp", firstAddress(cidr), 443, null).fromAnySubnet())
                                .as(what + " reaches " + cidr).isFalse();
                    }
                    reachesItsServices(network, fn, what);
                }
                default -> {
                    checkAllowList(network, fn, functions, what);
                    reachesItsServices(network, fn, what);
                }
            }
        }
    }

    private static ObjectNode ref(String id) {
        return JSON.createObjectNode().put("Ref", id);
    }

    /** Through the macro's interface endpoints (own-account only) and the user's gateway endpoints. */
    private static void reachesItsServices(NetworkEvaluator network, Fn fn, String what) {
        for (String service : fn.services()) {
            assertThat(network.reachService(fn.id(), service).fromEverySubnet())
                    .as(what + " reaches " + service + ": " + network.reachService(fn.id(), service).why()).isTrue();
            if (!service.equals("s3") && !service.equals("dynamodb")) {
                assertThat(network.endpointAllowsForeignPrincipal(service, "999999999999"))
                        .as(what + ": the " + service + " endpoint takes another account's credentials").isFalse();
            }
        }
    }

    private static void checkServices(NetworkEvaluator network, Fn fn, String what) {
        for (String service : fn.services()) {
            assertThat(network.reachService(fn.id(), service).fromEverySubnet())
                    .as(what + " reaches " + service + ": " + network.reachService(fn.id(), service).why()).isTrue();
        }
        if (fn.services().contains("s3")) {
            assertThat(network.endpointAllowsAccount("s3", "123456789012")).isTrue();
            assertThat(network.endpointAllowsAccount("s3", "999999999999")).as("S3 endpoint open to others").isFalse();
        }
        for (String service : fn.services()) {
            assertThat(network.endpointAllowsForeignPrincipal(service, "999999999999"))
                    .as(what + ": the " + service + " endpoint takes another account's credentials").isFalse();
            if (WAYS_OUT.containsKey(service)) {
                assertThat(network.endpointAllowsOwnCall(service, WAYS_OUT.get(service)))
                        .as(what + ": the " + service + " endpoint lets " + WAYS_OUT.get(service) + " through")
                        .isFalse();
            }
        }
        if (fn.services().contains("execute-api")) {
            // A private API is mostly called without AWS credentials.
            assertThat(network.endpointAllowsAnonymous("execute-api", "123456789012"))
                    .as(what + ": the execute-api endpoint refuses calls without credentials").isTrue();
            assertThat(network.endpointAllowsAnonymous("execute-api", "999999999999"))
                    .as(what + ": the execute-api endpoint admits another account's APIs").isFalse();
        }
    }

    private static void checkAllowList(NetworkEvaluator network, Fn fn, List<Fn> all, String what) {
        for (ObjectNode entry : fn.entries()) {
            if (entry.has("Domain")) {
                String domain = entry.get("Domain").asText();
                boolean wildcard = domain.startsWith("*.");
                String name = wildcard ? "deep.sub." + domain.substring(2) : domain;
                for (JsonNode port : entry.path("Ports").isMissingNode() ? JSON.createArrayNode().add(443)
                        : entry.get("Ports")) {
                    NetworkEvaluator.Reach reach = network.reach(fn.id(), "tcp", STRANGERS[0], port.asInt(), name);
                    assertThat(reach.fromEverySubnet()).as(what + " reaches " + name + ":" + port + " " + reach.why())
                            .isTrue();
                    assertThat(network.reach(fn.id(), "tcp", STRANGERS[0], port.asInt(), "evil.attacker.example")
                            .fromAnySubnet()).as(what + " reaches an unlisted name on " + port).isFalse();
                }
                assertThat(network.canResolve(fn.id(), name)).as(what + " resolves " + name).isTrue();
                if (wildcard && !allows(fn, domain.substring(2), 443)) {
                    assertThat(network.reach(fn.id(), "tcp", STRANGERS[0], 443, domain.substring(2)).fromAnySubnet())
                            .as(what + " reaches the apex of " + domain).isFalse();
                }
            } else {
                String address = firstAddress(entry.get("Cidr").asText());
                String protocol = entry.path("Protocol").asText("all");
                String probe = protocol.equals("udp") ? "udp" : "tcp";
                int port = entry.has("Ports") ? entry.get("Ports").get(0).asInt() : 5432;
                NetworkEvaluator.Reach reach = network.reach(fn.id(), probe, address, port, null);
                assertThat(reach.fromEverySubnet()).as(what + " reaches " + address + ":" + port + " " + reach.why())
                        .isTrue();
                if (entry.has("Ports") && !allowsPortAnywhere(fn, 6543)) {
                    assertThat(network.reach(fn.id(), probe, address, 6543, null).fromAnySubnet())
                            .as(what + " reaches " + address + " on an unlisted port").isFalse();
                }
            }
        }
        for (String ip : STRANGERS) {
            assertThat(network.reach(fn.id(), "tcp", ip, 443, null).fromAnySubnet()).as(what + " reaches " + ip
                    + " without a server name").isFalse();
            assertThat(network.reach(fn.id(), "udp", ip, 53, null).fromAnySubnet()).as(what + " udp to " + ip)
                    .isFalse();
        }
        // Another profile's destinations stay out of reach unless this list allows them too.
        for (Fn other : all) {
            for (ObjectNode entry : other.entries()) {
                if (entry.has("Domain")) {
                    String domain = entry.get("Domain").asText();
                    String name = domain.startsWith("*.") ? "deep.sub." + domain.substring(2) : domain;
                    if (!allows(fn, name, 443)) {
                        assertThat(network.reach(fn.id(), "tcp", STRANGERS[1], 443, name).fromAnySubnet())
                                .as(what + " reaches " + other.id() + "'s " + name).isFalse();
                    }
                } else if (fn.entries().stream().noneMatch(e -> e.path("Cidr").asText().equals(
                        entry.get("Cidr").asText()))) {
                    String address = firstAddress(entry.get("Cidr").asText());
                    assertThat(network.reach(fn.id(), "udp", address, 7777, null).fromAnySubnet())
                            .as(what + " reaches " + other.id() + "'s " + address).isFalse();
                }
            }
        }
    }

    /** Whether one of the function's domain entries allows this name on this port. */
    private static boolean allows(Fn fn, String name, int port) {
        return fn.entries().stream().filter(e -> e.has("Domain")).anyMatch(e -> {
            String domain = e.get("Domain").asText();
            boolean matches = domain.startsWith("*.") ? name.endsWith(domain.substring(1)) : name.equals(domain);
            JsonNode ports = e.path("Ports");
            boolean onPort = ports.isMissingNode() ? port == 443
                    : java.util.stream.StreamSupport.stream(ports.spliterator(), false).anyMatch(p -> p.asInt() == port);
            return matches && onPort;
        });
    }

    private static boolean allowsPortAnywhere(Fn fn, int port) {
        return fn.entries().stream().anyMatch(e -> e.has("Domain") && allows(fn, e.get("Domain").asText(), port));
    }

    private static String firstAddress(String cidr) {
        String[] parts = cidr.split("[./]");
        int offset = parts[4].equals("32") ? 0 : 1;
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + offset);
    }

    /** @param domains false for an existing VPC, where domain entries are refused: CIDRs stand in for them */
    private static List<Fn> randomFunctions(Random random, boolean domains) {
        List<Fn> functions = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String mode = switch (random.nextInt(4)) {
                case 0 -> "untouched";
                case 1 -> "isolated";
                default -> "allow-list";
            };
            List<ObjectNode> entries = new ArrayList<>();
            if (mode.equals("allow-list")) {
                Map<String, ObjectNode> chosen = new TreeMap<>();
                int size = 1 + random.nextInt(3);
                for (int e = 0; e < size; e++) {
                    ObjectNode entry = JSON.createObjectNode();
                    if (random.nextBoolean() && domains) {
                        String domain = DOMAINS[random.nextInt(DOMAINS.length)];
                        entry.put("Domain", random.nextInt(3) == 0 ? "*." + domain.substring(domain.indexOf('.') + 1)
                                : domain);
                        if (random.nextBoolean()) {
                            entry.putArray("Ports").add(443).add(80);
                        }
                        chosen.putIfAbsent("d" + entry.get("Domain").asText(), entry);
                    } else {
                        String cidr = CIDRS[random.nextInt(CIDRS.length)];
                        entry.put("Cidr", cidr);
                        if (random.nextBoolean()) {
                            entry.putArray("Ports").add(5432);
                            entry.put("Protocol", random.nextBoolean() ? "tcp" : "all");
                        }
                        chosen.putIfAbsent("c" + cidr, entry);
                    }
                }
                entries.addAll(chosen.values());
            }
            List<String> services = new ArrayList<>();
            if (!mode.equals("untouched")) {
                for (String service : SERVICES) {
                    if (random.nextInt(3) == 0) {
                        services.add(service);
                    }
                }
            }
            functions.add(new Fn("Fn" + i, mode, entries, services));
        }
        return functions;
    }

    private static ObjectNode template(List<Fn> functions) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("Transform").add("OutboundWishlist").add("AWS::Serverless-2016-10-31");
        ObjectNode resources = root.putObject("Resources");
        for (Fn fn : functions) {
            ObjectNode properties = resources.putObject(fn.id()).put("Type", "AWS::Serverless::Function")
                    .putObject("Properties");
            properties.put("Runtime", "python3.12").put("Handler", "index.handler")
                    .put("InlineCode", "def handler(e, c): return e");
            if (fn.mode().equals("untouched")) {
                continue;
            }
            ObjectNode access = properties.putObject("OutboundNetworkAccess");
            access.put("Enabled", fn.mode().equals("allow-list"));
            if (!fn.entries().isEmpty()) {
                ArrayNode list = access.putArray("AllowList");
                fn.entries().forEach(list::add);
            }
            if (!fn.services().isEmpty()) {
                ArrayNode services = access.putArray("AwsServices");
                fn.services().forEach(services::add);
            }
        }
        return root;
    }
}
