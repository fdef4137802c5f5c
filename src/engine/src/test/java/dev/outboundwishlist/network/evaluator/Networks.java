package dev.outboundwishlist.network.evaluator;

import static dev.outboundwishlist.network.evaluator.TestTemplate.cidrRule;
import static dev.outboundwishlist.network.evaluator.TestTemplate.groupRule;
import static dev.outboundwishlist.network.evaluator.TestTemplate.prefixListRule;
import static dev.outboundwishlist.network.evaluator.TestTemplate.rules;

/** Small hand-built networks whose answers are known; each test tweaks a fresh copy. */
final class Networks {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    /** The S3 gateway prefix list of us-east-1. */
    static final String S3_PREFIX_LIST = "pl-63a5400a";

    private Networks() {
    }

    static NetworkEvaluator evaluate(TestTemplate t) {
        return NetworkEvaluator.of(t.build(), REGION, ACCOUNT);
    }

    /**
     * Worker in Left (10.20.1.0/24), whose table has only the local route and the S3 gateway
     * endpoint; an SQS interface endpoint in Left admits 443 from the VPC. The function's group
     * allows the S3 prefix list and the endpoint group, nothing else.
     */
    static TestTemplate isolated() {
        TestTemplate t = new TestTemplate()
                .vpc("Net", "10.20.0.0/16")
                .subnet("Left", "Net", "10.20.1.0/24", 0)
                .routeTable("LeftRoutes", "Net", "Left")
                .securityGroup("FnGroup", "Net", rules(prefixListRule(S3_PREFIX_LIST), groupRule("QueueGateGroup")))
                .function("Worker", new String[] {"Left"}, "FnGroup");
        t.gatewayEndpoint("Buckets", "s3", "Net", "LeftRoutes");
        t.interfaceEndpoint("QueueGate", "sqs", "Net", "Left", "10.20.0.0/16");
        return t;
    }

    /**
     * Worker in Inner (10.30.1.0/24) -> NAT gateway Exit in Outer (10.30.0.0/24) -> internet
     * gateway Door. The function's group allows tcp/443 to 203.0.113.0/24 only.
     */
    static TestTemplate natted() {
        return new TestTemplate()
                .vpc("Net", "10.30.0.0/16")
                .subnet("Inner", "Net", "10.30.1.0/24", 0)
                .subnet("Outer", "Net", "10.30.0.0/24", 0)
                .igw("Door", "Net")
                .nat("Exit", "Outer")
                .routeTable("InnerRoutes", "Net", "Inner")
                .routeToNat("InnerDefault", "InnerRoutes", "0.0.0.0/0", "Exit")
                .routeTable("OuterRoutes", "Net", "Outer")
                .routeToIgw("OuterDefault", "OuterRoutes", "0.0.0.0/0", "Door")
                .securityGroup("FnGroup", "Net", rules(cidrRule("tcp", 443, 443, "203.0.113.0/24")))
                .function("Worker", new String[] {"Inner"}, "FnGroup");
    }

    static final String RULES = String.join("\n",
            "# exact host, subdomains of example.org, one HTTP host, and NTP-ish UDP",
            "pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:\"api.example.com\"; nocase; startswith; "
                    + "endswith; flow:to_server; msg:\"api\"; sid:1; rev:1;)",
            "",
            "pass tls $HOME_NET any -> $EXTERNAL_NET [443,8443] (tls.sni; content:\".example.org\"; nocase; endswith; "
                    + "flow:to_server; msg:\"org\"; sid:2; rev:1;)",
            "pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; content:\"plain.example.net\"; nocase; startswith; "
                    + "endswith; flow:to_server; msg:\"http\"; sid:3; rev:1;)",
            "pass udp $HOME_NET any -> 198.51.100.0/24 [123,5000:5010] (flow:to_server; msg:\"udp\"; sid:4; rev:1;)");

    /**
     * Worker in Inner (10.40.1.0/24) -> firewall Wall in Guard (10.40.2.0/28) -> NAT gateway Exit
     * in Outer (10.40.3.0/28) -> internet gateway Door; Outer routes Inner back through Wall.
     * HOME_NET is Inner; the group allows tcp 80/443/8443 anywhere and udp to 198.51.100.0/24.
     */
    static TestTemplate inspected() {
        return new TestTemplate()
                .vpc("Net", "10.40.0.0/16")
                .subnet("Inner", "Net", "10.40.1.0/24", 0)
                .subnet("Guard", "Net", "10.40.2.0/28", 0)
                .subnet("Outer", "Net", "10.40.3.0/28", 0)
                .igw("Door", "Net")
                .nat("Exit", "Outer")
                .firewall("Wall", "Net", "Guard", RULES, "10.40.1.0/24")
                .routeTable("InnerRoutes", "Net", "Inner")
                .routeToFirewall("InnerDefault", "InnerRoutes", "0.0.0.0/0", "Wall")
                .routeTable("GuardRoutes", "Net", "Guard")
                .routeToNat("GuardDefault", "GuardRoutes", "0.0.0.0/0", "Exit")
                .routeTable("OuterRoutes", "Net", "Outer")
                .routeToIgw("OuterDefault", "OuterRoutes", "0.0.0.0/0", "Door")
                .routeToFirewall("OuterReturn", "OuterRoutes", "10.40.1.0/24", "Wall")
                .securityGroup("FnGroup", "Net", rules(cidrRule("tcp", 443, 443, "0.0.0.0/0"),
                        cidrRule("tcp", 80, 80, "0.0.0.0/0"), cidrRule("tcp", 8443, 8443, "0.0.0.0/0"),
                        cidrRule("udp", 0, 65535, "198.51.100.0/24")))
                .function("Worker", new String[] {"Inner"}, "FnGroup");
    }
}
