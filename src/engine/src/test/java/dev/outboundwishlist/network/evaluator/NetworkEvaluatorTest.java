package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.network.evaluator.NetworkEvaluator.Reach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;

import static dev.outboundwishlist.network.evaluator.Networks.evaluate;
import static dev.outboundwishlist.network.evaluator.TestTemplate.cidrRule;
import static dev.outboundwishlist.network.evaluator.TestTemplate.getAtt;
import static dev.outboundwishlist.network.evaluator.TestTemplate.groupRule;
import static dev.outboundwishlist.network.evaluator.TestTemplate.noOpRule;
import static dev.outboundwishlist.network.evaluator.TestTemplate.ref;
import static dev.outboundwishlist.network.evaluator.TestTemplate.rules;
import static dev.outboundwishlist.network.evaluator.TestTemplate.sub;
import static dev.outboundwishlist.network.evaluator.TestTemplate.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluator's own specification, on small networks whose answers are known by hand. */
class NetworkEvaluatorTest {

    private static Reach https(TestTemplate t, String ip, String sni) {
        return evaluate(t).reach("Worker", "tcp", ip, 443, sni);
    }

    private static String why(Reach reach) {
        return String.join(" | ", reach.why().values());
    }

    @Nested
    class IsolatedSubnet {

        @Test
        void aPublicAddressHasNoRouteEvenWhenTheGroupAllowsIt() {
            TestTemplate t = Networks.isolated();
            ((ArrayNode) t.props("FnGroup").get("SecurityGroupEgress")).add(cidrRule("tcp", 443, 443, "0.0.0.0/0"));
            Reach reach = https(t, "203.0.113.10", null);
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Left")).isEqualTo("route table LeftRoutes has no route for 203.0.113.10");
        }

        @Test
        void s3IsReachableThroughTheGatewayEndpointWithThePrefixListRule() {
            Reach reach = evaluate(Networks.isolated()).reachService("Worker", "s3");
            assertThat(reach.fromEverySubnet()).as(why(reach)).isTrue();
            assertThat(reach.why().get("Left")).contains("gateway endpoint Buckets");
        }

        @Test
        void s3IsUnreachableWithoutThePrefixListRule() {
            TestTemplate t = Networks.isolated();
            t.props("FnGroup").set("SecurityGroupEgress", rules(groupRule("QueueGateGroup")));
            Reach reach = evaluate(t).reachService("Worker", "s3");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Left")).contains("no egress to the s3 prefix list pl-63a5400a tcp/443");
        }

        @Test
        void s3IsUnreachableWhenTheEndpointDoesNotListTheSubnetsRouteTable() {
            TestTemplate t = Networks.isolated();
            t.props("Buckets").putArray("RouteTableIds");
            Reach reach = evaluate(t).reachService("Worker", "s3");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Left")).contains("no route to a gateway endpoint for s3");
        }

        @Test
        void aPrefixListIdTheEvaluatorDoesNotKnowMustBeToldExplicitly() {
            TestTemplate t = Networks.isolated();
            t.props("FnGroup").set("SecurityGroupEgress", rules(TestTemplate.prefixListRule("pl-0123abcd")));
            NetworkEvaluator stockholm = NetworkEvaluator.of(t.build(), "eu-north-1", Networks.ACCOUNT);
            assertThat(stockholm.reachService("Worker", "s3").fromAnySubnet()).isFalse();
            assertThat(stockholm.withPrefixList("s3", "pl-0123abcd").reachService("Worker", "s3").fromAnySubnet()).isTrue();
        }

        @Test
        void sqsIsReachableThroughTheInterfaceEndpoint() {
            Reach reach = evaluate(Networks.isolated()).reachService("Worker", "sqs");
            assertThat(reach.fromEverySubnet()).as(why(reach)).isTrue();
            assertThat(reach.why().get("Left")).contains("interface endpoint QueueGate");
        }

        @Test
        void sqsIsUnreachableWhenTheEndpointGroupAdmitsAnotherRange() {
            TestTemplate t = Networks.isolated();
            t.props("QueueGateGroup").set("SecurityGroupIngress", rules(cidrRule("tcp", 443, 443, "10.20.200.0/24")));
            Reach reach = evaluate(t).reachService("Worker", "sqs");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Left")).contains("admit no tcp/443 from 10.20.1.0/24");
        }

        @Test
        void sqsIsUnreachableWhenTheFunctionGroupHasNoRuleToTheEndpoint() {
            TestTemplate t = Networks.isolated();
            t.props("FnGroup").set("SecurityGroupEgress", rules(TestTemplate.prefixListRule(Networks.S3_PREFIX_LIST)));
            assertThat(evaluate(t).reachService("Worker", "sqs").fromAnySubnet()).isFalse();
        }

        @Test
        void sqsIsUnreachableWhenTheDnsFirewallBlocksItsName() {
            TestTemplate t = Networks.isolated()
                    .domainList("Denied", sub("sqs.${AWS::Region}.amazonaws.com"))
                    .dnsRuleGroup("Dns", "Denied", 1, "BLOCK")
                    .dnsAssociation("DnsOnNet", "Dns", "Net", 101);
            Reach reach = evaluate(t).reachService("Worker", "sqs");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Left")).contains("sqs.us-east-1.amazonaws.com is not resolved");
        }

        @Test
        void privateDnsOffMeansThePublicNameIsUsed() {
            TestTemplate t = Networks.isolated();
            t.props("QueueGate").put("PrivateDnsEnabled", false);
            assertThat(evaluate(t).reachService("Worker", "sqs").why().get("Left")).contains("PrivateDnsEnabled false");
        }

        @Test
        void privateDnsNeedsDnsHostnamesOnTheVpc() {
            TestTemplate t = Networks.isolated();
            t.props("Net").put("EnableDnsHostnames", false);
            assertThat(evaluate(t).reachService("Worker", "sqs").fromAnySubnet()).isFalse();
        }

        @Test
        void kinesisStreamsResolvesAsKinesis() {
            TestTemplate t = Networks.isolated()
                    .domainList("Allowed", sub("kinesis.${AWS::Region}.amazonaws.com"))
                    .domainList("Everything", text("*"))
                    .dnsRuleGroup("Dns", "Allowed", 1, "ALLOW", "Everything", 2, "BLOCK")
                    .dnsAssociation("DnsOnNet", "Dns", "Net", 101);
            t.interfaceEndpoint("Streams", "kinesis-streams", "Net", "Left", "10.20.1.0/24");
            ((ArrayNode) t.props("FnGroup").get("SecurityGroupEgress")).add(groupRule("StreamsGroup"));
            Reach reach = evaluate(t).reachService("Worker", "kinesis-streams");
            assertThat(reach.fromEverySubnet()).as(why(reach)).isTrue();
        }

        @Test
        void aServiceWithoutEndpointIsNotPrivatelyReachable() {
            Reach reach = evaluate(Networks.isolated()).reachService("Worker", "dynamodb");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Left")).isEqualTo("no VPC endpoint for com.amazonaws.us-east-1.dynamodb in Net");
        }
    }

    @Nested
    class ThroughNat {

        @Test
        void theListedRangeAndPortAreReachable() {
            Reach reach = https(Networks.natted(), "203.0.113.10", null);
            assertThat(reach.fromEverySubnet()).as(why(reach)).isTrue();
            assertThat(reach.why().get("Inner"))
                    .isEqualTo("reaches 203.0.113.10 via InnerRoutes -> NAT gateway Exit -> OuterRoutes -> internet gateway Door");
        }

        @Test
        void anotherPortIsBlockedByTheSecurityGroup() {
            Reach reach = evaluate(Networks.natted()).reach("Worker", "tcp", "203.0.113.10", 8443, null);
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).isEqualTo("security group FnGroup has no egress to 203.0.113.10 tcp/8443");
        }

        @Test
        void udpIsNotAllowedByATcpRule() {
            assertThat(evaluate(Networks.natted()).reach("Worker", "udp", "203.0.113.10", 443, null).fromAnySubnet()).isFalse();
        }

        @Test
        void anotherRangeIsBlockedByTheSecurityGroup() {
            Reach reach = https(Networks.natted(), "198.51.100.7", null);
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).isEqualTo("security group FnGroup has no egress to 198.51.100.7 tcp/443");
        }

        @Test
        void aNatInASubnetWithoutAnInternetRouteGoesNowhere() {
            Reach reach = https(Networks.natted().remove("OuterDefault"), "203.0.113.10", null);
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).isEqualTo("route table OuterRoutes has no route for 203.0.113.10");
        }

        @Test
        void anUnattachedInternetGatewayGoesNowhere() {
            Reach reach = https(Networks.natted().remove("DoorAttachment"), "203.0.113.10", null);
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).isEqualTo("internet gateway Door is not attached to Net");
        }

        @Test
        void aDirectInternetGatewayRouteFromTheLambdaSubnetDoesNotReachTheInternet() {
            TestTemplate t = Networks.natted();
            t.props("InnerDefault").remove("NatGatewayId");
            t.props("InnerDefault").set("GatewayId", ref("Door"));
            Reach reach = https(t, "203.0.113.10", null);
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).contains("a Lambda ENI has no public IP");
        }

        @Test
        void theLongestPrefixWins() {
            TestTemplate t = Networks.natted().routeToIgw("Shortcut", "InnerRoutes", "203.0.113.0/25", "Door");
            assertThat(https(t, "203.0.113.10", null).fromAnySubnet()).isFalse();
            assertThat(https(t, "203.0.113.200", null).fromAnySubnet()).isTrue();
        }

        @Test
        void aNatWhoseAllocationIsTheEipsRefHasNoPublicAddress() {
            TestTemplate t = Networks.natted();
            t.props("Exit").set("AllocationId", ref("ExitIp")); // Ref of an EIP is its address, not the allocation id
            Reach reach = https(t, "203.0.113.10", null);
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).contains("AllocationId");
        }

        @Test
        void aSubnetWithoutAssociationUsesTheMainTableWithOnlyTheLocalRoute() {
            TestTemplate t = Networks.natted().remove("InnerRoutesInnerAssoc");
            Reach reach = https(t, "203.0.113.10", null);
            assertThat(reach.why().get("Inner")).isEqualTo("route table (main route table of Net) has no route for 203.0.113.10");
        }

        @Test
        void twoSubnetsWhereOnlyOneHasTheRoute() {
            TestTemplate t = Networks.natted()
                    .subnet("Second", "Net", "10.30.2.0/24", 1)
                    .routeTable("SecondRoutes", "Net", "Second")
                    .function("Worker", new String[] {"Inner", "Second"}, "FnGroup");
            Reach reach = https(t, "203.0.113.10", null);
            assertThat(reach.bySubnet()).containsExactly(
                    org.assertj.core.api.Assertions.entry("Inner", true), org.assertj.core.api.Assertions.entry("Second", false));
            assertThat(reach.fromAnySubnet()).isTrue();
            assertThat(reach.fromEverySubnet()).isFalse();
        }
    }

    @Nested
    class SecurityGroupDefaults {

        @Test
        void absentEgressAllowsEverythingLikeCloudFormation() {
            TestTemplate t = Networks.natted();
            t.props("FnGroup").remove("SecurityGroupEgress");
            assertThat(evaluate(t).reach("Worker", "udp", "198.51.100.7", 9999, null).fromEverySubnet()).isTrue();
        }

        @Test
        void emptyEgressAllowsEverythingToo() {
            TestTemplate t = Networks.natted();
            t.props("FnGroup").putArray("SecurityGroupEgress");
            assertThat(https(t, "198.51.100.7", null).fromEverySubnet()).isTrue();
        }

        @Test
        void theIcmpNoOpRuleAllowsNoTcpOrUdp() {
            TestTemplate t = Networks.natted();
            t.props("FnGroup").set("SecurityGroupEgress", rules(noOpRule()));
            assertThat(https(t, "203.0.113.10", null).fromAnySubnet()).isFalse();
            assertThat(evaluate(t).reach("Worker", "udp", "203.0.113.10", 53, null).fromAnySubnet()).isFalse();
        }

        @Test
        void rulesOfAllTheFunctionsGroupsCount() {
            TestTemplate t = Networks.natted()
                    .securityGroup("Extra", "Net", rules(cidrRule("-1", -1, -1, "198.51.100.0/24")))
                    .function("Worker", new String[] {"Inner"}, "FnGroup", "Extra");
            assertThat(evaluate(t).reach("Worker", "udp", "198.51.100.7", 5000, null).fromEverySubnet()).isTrue();
            assertThat(evaluate(t).reach("Worker", "udp", "192.0.2.1", 5000, null).fromAnySubnet()).isFalse();
        }
    }

    @Nested
    class ThroughFirewall {

        @Test
        void theExactHostIsReachableInAnyCase() {
            Reach reach = https(Networks.inspected(), "203.0.113.10", "API.Example.com");
            assertThat(reach.fromEverySubnet()).as(why(reach)).isTrue();
            assertThat(reach.why().get("Inner")).isEqualTo("reaches 203.0.113.10 via InnerRoutes -> firewall Wall "
                    + "(WallRules sid 1) -> GuardRoutes -> NAT gateway Exit -> OuterRoutes -> internet gateway Door");
        }

        @ParameterizedTest(name = "SNI {0} on {1} -> {2}")
        @CsvSource({
                "api.example.com, 443, true",
                "x.api.example.com, 443, false",
                "api.example.com.evil, 443, false",
                "a.b.example.org, 443, true",
                "b.example.org, 8443, true",
                "example.org, 443, false",
                "badexample.org, 443, false",
                "api.example.com, 8443, false"})
        void serverNamesMatchAsTheRulesSay(String sni, int port, boolean reached) {
            Reach reach = evaluate(Networks.inspected()).reach("Worker", "tcp", "203.0.113.10", port, sni);
            assertThat(reach.fromAnySubnet()).as(why(reach)).isEqualTo(reached);
        }

        @Test
        void anotherServerNameIsDroppedAndSaysSo() {
            Reach reach = https(Networks.inspected(), "198.51.100.7", "evil.example");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).isEqualTo("dropped by firewall Wall: no pass rule for tls SNI evil.example "
                    + "to 198.51.100.7:443 (aws:drop_established)");
        }

        @Test
        void aTcpFlowWithoutServerNameIsDropped() {
            assertThat(https(Networks.inspected(), "203.0.113.10", null).fromAnySubnet()).isFalse();
        }

        @Test
        void aSourceOutsideHomeNetIsDroppedEvenWithAMatchingServerName() {
            TestTemplate t = Networks.inspected();
            ((ArrayNode) t.props("WallRules").at("/RuleGroup/RuleVariables/IPSets/HOME_NET/Definition"))
                    .removeAll().add("10.40.9.0/24");
            Reach reach = https(t, "203.0.113.10", "api.example.com");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).endsWith("WallRules would pass it but 10.40.1.0/24 is not in the rule's "
                    + "source $HOME_NET");
        }

        @Test
        void aMissingReturnRouteIsAsymmetric() {
            Reach reach = https(Networks.inspected().remove("OuterReturn"), "203.0.113.10", "api.example.com");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).isEqualTo("asymmetric return path: replies to 10.40.1.0/24 from the NAT "
                    + "gateway's route table OuterRoutes cross no firewall instead of firewall Wall");
        }

        @Test
        void aReturnRouteToTheInternetGatewayIsAsymmetric() {
            TestTemplate t = Networks.inspected().remove("OuterReturn").routeToIgw("OuterReturn", "OuterRoutes", "10.40.1.0/24", "Door");
            Reach reach = https(t, "203.0.113.10", "api.example.com");
            assertThat(reach.why().get("Inner")).startsWith("asymmetric return path: route table OuterRoutes sends "
                    + "10.40.1.0/24 to internet gateway Door");
        }

        @Test
        void httpUsesTheHostOnPort80() {
            NetworkEvaluator evaluator = evaluate(Networks.inspected());
            assertThat(evaluator.reach("Worker", "tcp", "203.0.113.10", 80, "Plain.Example.NET").fromAnySubnet()).isTrue();
            assertThat(evaluator.reach("Worker", "tcp", "203.0.113.10", 80, "other.example.net").fromAnySubnet()).isFalse();
            // the same name spoken as TLS on 443 matches no tls rule
            assertThat(evaluator.reach("Worker", "tcp", "203.0.113.10", 443, "plain.example.net").fromAnySubnet()).isFalse();
        }

        @Test
        void udpRulesMatchTheirRangeAndPortList() {
            NetworkEvaluator evaluator = evaluate(Networks.inspected());
            assertThat(evaluator.reach("Worker", "udp", "198.51.100.9", 123, null).fromAnySubnet()).isTrue();
            assertThat(evaluator.reach("Worker", "udp", "198.51.100.9", 5005, null).fromAnySubnet()).isTrue();
            Reach other = evaluator.reach("Worker", "udp", "198.51.100.9", 124, null);
            assertThat(other.fromAnySubnet()).isFalse();
            assertThat(other.why().get("Inner")).startsWith("dropped by firewall Wall");
        }

        @Test
        void theEndpointExpressionIsEvaluatedNotPatternMatched() {
            TestTemplate t = Networks.inspected();
            // Select 0 of the split "az:vpce-id" is the zone name, not an endpoint id
            t.props("InnerDefault").set("VpcEndpointId", TestTemplate.firewallEndpoint("Wall", 0));
            Reach reach = https(t, "203.0.113.10", "api.example.com");
            assertThat(reach.fromAnySubnet()).isFalse();
            assertThat(reach.why().get("Inner")).contains("us-east-1a").contains("not a firewall endpoint");
        }

        @Test
        void aFirewallWithoutPolicyDrops() {
            TestTemplate t = Networks.inspected();
            t.props("Wall").set("FirewallPolicyArn", getAtt("WallRules", "RuleGroupArn"));
            Reach reach = https(t, "203.0.113.10", "api.example.com");
            assertThat(reach.why().get("Inner")).contains("names no firewall policy");
        }

        @Test
        void dropStrictAlsoDropsTheHandshakeThatTlsRulesCannotPass() {
            TestTemplate t = Networks.inspected();
            ((ArrayNode) t.props("WallPolicy").at("/FirewallPolicy/StatefulDefaultActions")).removeAll().add("aws:drop_strict");
            assertThat(https(t, "203.0.113.10", "api.example.com").why().get("Inner")).contains("handshake");
            assertThat(evaluate(t).reach("Worker", "udp", "198.51.100.9", 123, null).fromAnySubnet()).isTrue();
        }

        @Test
        void statelessPassSkipsTheStatefulRules() {
            TestTemplate t = Networks.inspected();
            ((ArrayNode) t.props("WallPolicy").at("/FirewallPolicy/StatelessDefaultActions")).removeAll().add("aws:pass");
            assertThat(https(t, "203.0.113.10", "evil.example").fromAnySubnet()).isTrue();
        }

        @Test
        void aRoutingLoopTerminates() {
            TestTemplate t = Networks.inspected();
            t.props("GuardDefault").remove("NatGatewayId");
            t.props("GuardDefault").set("VpcEndpointId", TestTemplate.firewallEndpoint("Wall", 1));
            Reach reach = https(t, "203.0.113.10", "api.example.com");
            assertThat(reach.why().get("Inner")).isEqualTo("routing loop through route table GuardRoutes");
        }

        @Test
        void anUnsupportedRuleIsAnErrorNotASilentMiss() {
            TestTemplate t = Networks.inspected();
            ((ObjectNode) t.props("WallRules").at("/RuleGroup/RulesSource"))
                    .put("RulesString", "pass tls $HOME_NET any -> $EXTERNAL_NET 443 (ja3.hash; content:\"x\"; sid:9;)");
            assertThatThrownBy(() -> https(t, "203.0.113.10", "api.example.com"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WallRules");
        }
    }

    @Nested
    class Dns {

        private TestTemplate allowThenBlock() {
            return Networks.isolated()
                    .domainList("Allowed", text("api.example.com"), text("*.example.org"), sub("sqs.${AWS::Region}.amazonaws.com"))
                    .domainList("Everything", text("*"))
                    .dnsRuleGroup("Dns", "Allowed", 1, "ALLOW", "Everything", 2, "BLOCK")
                    .dnsAssociation("DnsOnNet", "Dns", "Net", 101);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "api.example.com, true",
                "API.Example.COM., true",
                "www.api.example.com, false",
                "a.b.example.org, true",
                "example.org, false",
                "sqs.us-east-1.amazonaws.com, true",
                "evil.example, false"})
        void anAllowListThenBlockEverything(String name, boolean resolved) {
            assertThat(evaluate(allowThenBlock()).canResolve("Worker", name)).isEqualTo(resolved);
        }

        @Test
        void rulesApplyByPriorityNotByListOrder() {
            TestTemplate t = allowThenBlock();
            ArrayNode rules = (ArrayNode) t.props("Dns").get("FirewallRules");
            ((ObjectNode) rules.get(0)).put("Priority", 3); // the ALLOW now comes after BLOCK *
            assertThat(evaluate(t).canResolve("Worker", "api.example.com")).isFalse();
        }

        @Test
        void associationsApplyByPriority() {
            TestTemplate t = allowThenBlock()
                    .domainList("Api", text("api.example.com"))
                    .dnsRuleGroup("Earlier", "Api", 1, "BLOCK")
                    .dnsAssociation("EarlierOnNet", "Earlier", "Net", 100);
            assertThat(evaluate(t).canResolve("Worker", "api.example.com")).isFalse();
            assertThat(evaluate(t).canResolve("Worker", "a.example.org")).isTrue();
        }

        @Test
        void withoutAssociationEverythingResolves() {
            TestTemplate t = allowThenBlock().remove("DnsOnNet");
            assertThat(evaluate(t).canResolve("Worker", "evil.example")).isTrue();
        }

        @Test
        void anAssociationWithAnotherVpcDoesNotApply() {
            TestTemplate t = allowThenBlock().vpc("Elsewhere", "10.99.0.0/16");
            t.props("DnsOnNet").set("VpcId", ref("Elsewhere"));
            assertThat(evaluate(t).canResolve("Worker", "evil.example")).isTrue();
        }

        @Test
        void noResolverWithoutDnsSupport() {
            TestTemplate t = Networks.isolated();
            t.props("Net").put("EnableDnsSupport", false);
            assertThat(evaluate(t).canResolve("Worker", "api.example.com")).isFalse();
        }
    }

    /** A generator-shaped fence in two zones, as JSON text: one firewall and NAT gateway per zone. */
    @Nested
    class TwoZoneFence {

        private ObjectNode template() throws IOException {
            try (InputStream in = NetworkEvaluatorTest.class.getResourceAsStream("/network-evaluator/two-zone-fence.json")) {
                return (ObjectNode) new ObjectMapper().readTree(in);
            }
        }

        private NetworkEvaluator evaluator() throws IOException {
            return NetworkEvaluator.of(template(), Networks.REGION, Networks.ACCOUNT);
        }

        @Test
        void eachZoneLeavesThroughItsOwnFirewallAndNat() throws IOException {
            Reach reach = evaluator().reach("Worker", "tcp", "203.0.113.10", 443, "api.stripe.com");
            assertThat(reach.fromEverySubnet()).as(why(reach)).isTrue();
            assertThat(reach.why().get("OwlLambdaSubnetB")).contains("firewall OwlFirewallB (OwlFirewallRules sid 1000001)")
                    .contains("NAT gateway OwlNatB");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"raw.githubusercontent.com, true", "githubusercontent.com, false", "api.stripe.com.evil.example, false"})
        void onlyTheWishListLeaves(String sni, boolean reached) throws IOException {
            assertThat(evaluator().reach("Worker", "tcp", "203.0.113.10", 443, sni).fromAnySubnet()).isEqualTo(reached);
        }

        @Test
        void servicesAreReachedPrivatelyAndNamesOutsideTheListDoNotResolve() throws IOException {
            NetworkEvaluator evaluator = evaluator();
            assertThat(evaluator.reachService("Worker", "s3").fromEverySubnet()).isTrue();
            assertThat(evaluator.reachService("Worker", "sqs").fromEverySubnet()).isTrue();
            assertThat(evaluator.reachService("Worker", "sns").fromAnySubnet()).isFalse();
            assertThat(evaluator.canResolve("Worker", "api.stripe.com")).isTrue();
            assertThat(evaluator.canResolve("Worker", "evil.example")).isFalse();
            assertThat(evaluator.endpointAllowsAccount("s3", Networks.ACCOUNT)).isTrue();
            assertThat(evaluator.endpointAllowsAccount("s3", "999999999999")).isFalse();
        }

        @Test
        void aReturnRouteThroughTheOtherZonesFirewallBreaksOnlyThatZone() throws IOException {
            ObjectNode template = template();
            ((ObjectNode) template.at("/Resources/OwlPublicReturnB/Properties"))
                    .set("VpcEndpointId", TestTemplate.firewallEndpoint("OwlFirewallA", 1));
            Reach reach = NetworkEvaluator.of(template, Networks.REGION, Networks.ACCOUNT)
                    .reach("Worker", "tcp", "203.0.113.10", 443, "api.stripe.com");
            assertThat(reach.bySubnet()).containsEntry("OwlLambdaSubnetA", true).containsEntry("OwlLambdaSubnetB", false);
            assertThat(reach.why().get("OwlLambdaSubnetB")).startsWith("asymmetric return path");
        }
    }

    @Nested
    class OutsideAnyVpc {

        @Test
        void everythingIsReachableAndResolves() {
            NetworkEvaluator evaluator = evaluate(new TestTemplate().functionOutsideVpc("Worker"));
            Reach reach = evaluator.reach("Worker", "udp", "198.51.100.7", 9, null);
            assertThat(reach.bySubnet()).containsOnlyKeys(NetworkEvaluator.NO_VPC);
            assertThat(reach.fromEverySubnet()).isTrue();
            assertThat(evaluator.canResolve("Worker", "anything.example")).isTrue();
        }

        @Test
        void samGlobalsVpcConfigPutsAServerlessFunctionInTheVpc() {
            TestTemplate t = Networks.natted();
            t.props("Worker").remove("VpcConfig");
            ObjectNode config = t.root().putObject("Globals").putObject("Function").putObject("VpcConfig");
            config.set("SubnetIds", TestTemplate.refs("Inner"));
            config.set("SecurityGroupIds", TestTemplate.refs("FnGroup"));
            Reach reach = https(t, "198.51.100.7", null);
            assertThat(reach.bySubnet()).containsOnlyKeys("Inner");
            assertThat(reach.fromAnySubnet()).isFalse();
        }

        @Test
        void anUnknownFunctionIsAnError() {
            assertThatThrownBy(() -> evaluate(Networks.natted()).reach("Nobody", "tcp", "203.0.113.1", 443, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class EndpointPolicies {

        private NetworkEvaluator withCondition() {
            TestTemplate t = Networks.isolated();
            ObjectNode statement = t.props("QueueGate").putObject("PolicyDocument").put("Version", "2012-10-17")
                    .putArray("Statement").addObject();
            statement.put("Effect", "Allow").put("Principal", "*").put("Action", "*").put("Resource", "*");
            statement.putObject("Condition").putObject("StringEquals").putArray("aws:ResourceAccount")
                    .add(ref("AWS::AccountId")).add("111122223333");
            return evaluate(t);
        }

        @Test
        void theOwnAccountResolvedFromRefAndListedAccountsAreAllowed() {
            assertThat(withCondition().endpointAllowsAccount("sqs", Networks.ACCOUNT)).isTrue();
            assertThat(withCondition().endpointAllowsAccount("sqs", "111122223333")).isTrue();
        }

        @Test
        void anotherAccountIsNot() {
            assertThat(withCondition().endpointAllowsAccount("sqs", "999999999999")).isFalse();
        }

        @Test
        void noPolicyAllowsEveryAccount() {
            assertThat(evaluate(Networks.isolated()).endpointAllowsAccount("sqs", "999999999999")).isTrue();
        }

        @Test
        void aDenyOfNamedActionsBlocksThoseAloneAndAWildcardDenyBlocksEverything() {
            TestTemplate t = Networks.isolated();
            ArrayNode statements = t.props("QueueGate").putObject("PolicyDocument").put("Version", "2012-10-17")
                    .putArray("Statement");
            statements.addObject().put("Effect", "Allow").put("Principal", "*").put("Action", "*").put("Resource", "*");
            ObjectNode deny = statements.addObject().put("Effect", "Deny").put("Principal", "*").put("Resource", "*");
            deny.putArray("Action").add("sqs:SetQueueAttributes").add("sqs:Add*");
            NetworkEvaluator named = evaluate(t);
            assertThat(named.endpointAllowsAccount("sqs", Networks.ACCOUNT)).isTrue();
            assertThat(named.endpointAllowsOwnCall("sqs", "sqs:SendMessage")).isTrue();
            assertThat(named.endpointAllowsOwnCall("sqs", "sqs:SetQueueAttributes")).isFalse();
            assertThat(named.endpointAllowsOwnCall("sqs", "sqs:AddPermission")).isFalse();
            deny.putArray("Action").add("sqs:*");
            assertThat(evaluate(t).endpointAllowsAccount("sqs", Networks.ACCOUNT)).isFalse();
        }

        @Test
        void aServiceWithoutEndpointIsAnError() {
            assertThatThrownBy(() -> evaluate(Networks.isolated()).endpointAllowsAccount("kms", Networks.ACCOUNT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
