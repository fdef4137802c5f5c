package dev.outboundwishlist.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.network.NetworkPlans;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans of samples and corpus cases, compared exactly with reviewed files (rewritten with
 * -Dgolden.update=true), and the cost arithmetic on resources of every billed kind.
 */
class PlanTest {

    private static final Path EXPECTED = Path.of("src/test/resources/plans");

    private static ExpansionPlan plan(Path input) throws Exception {
        Template written = TemplateReader.read(input);
        var result = Engine.standard().run(TemplateReader.read(input), Environment.offline());
        return ExpansionPlan.of(written, result.template().orElseThrow(),
                NetworkPlans.of(written, Environment.offline(), Lookups.OFFLINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../samples/1-outbound-network-access/template.yaml",
        "../../samples/2-task-role-arn/template.yaml", "../../samples/3-global-catch/template.yaml",
        "../../samples/order-pipeline/template.yaml",
        "src/test/resources/corpus/network/dns-enforcement/input.yaml",
        "src/test/resources/corpus/network/single-nat-three-zones/input.yaml",
        "src/test/resources/corpus/network/existing-vpc/input.yaml",
        "src/test/resources/corpus/network/cidr-private-unreachable/input.yaml",
        "src/test/resources/corpus/catch/nested-scopes/input.yaml",
        "src/test/resources/corpus/catch/retry/input.yaml",
        "src/test/resources/corpus/roles/with-catch/input.yaml",
        "src/test/resources/corpus/roles-helper/sam-wish/input.yaml"})
    void plansMatchTheReviewedFiles(String input) throws Exception {
        Path path = Path.of(input);
        ExpansionPlan plan = plan(path);
        String name = path.getParent().getParent().getFileName() + "-" + path.getParent().getFileName();
        compare(name + ".txt", PlanText.text(plan));
        compare(name + ".md", PlanText.markdown(plan));
    }

    private static void compare(String file, String actual) throws Exception {
        Path expected = EXPECTED.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void hourlyChargesAreCountedPerAvailabilityZoneAndUsageIsOnlyPriced() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> added = new ArrayList<>();
        added.add(json.readTree("{\"Type\":\"AWS::EC2::NatGateway\",\"Properties\":{}}"));
        added.add(json.readTree("{\"Type\":\"AWS::NetworkFirewall::Firewall\",\"Properties\":"
                + "{\"SubnetMappings\":[{\"SubnetId\":\"a\"},{\"SubnetId\":\"b\"}]}}"));
        added.add(json.readTree("{\"Type\":\"AWS::EC2::VPCEndpoint\",\"Properties\":"
                + "{\"VpcEndpointType\":\"Interface\",\"SubnetIds\":[{\"Ref\":\"A\"},{\"Ref\":\"B\"}]}}"));
        added.add(json.readTree("{\"Type\":\"AWS::EC2::VPCEndpoint\",\"Properties\":"
                + "{\"VpcEndpointType\":\"Gateway\",\"ServiceName\":\"s3\"}}"));

        CostEstimate cost = CostEstimate.of(added);

        assertThat(cost.hourly()).extracting(CostEstimate.HourlyCharge::units).containsExactly(1, 2, 2);
        assertThat(cost.hourly()).extracting(CostEstimate.HourlyCharge::monthly)
                .containsExactly(new BigDecimal("32.85"), new BigDecimal("576.70"), new BigDecimal("14.60"));
        assertThat(cost.monthlyTotal()).isEqualTo(new BigDecimal("624.15"));
        assertThat(cost.usage()).containsExactly("NAT gateway: USD 0.045 per GB processed",
                "Network Firewall: USD 0.065 per GB processed", "Interface endpoints: USD 0.01 per GB processed");
        assertThat(cost.priceSource()).contains("us-east-1", "2026-12-03");
    }
}
