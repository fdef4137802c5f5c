package dev.outboundwishlist.cli;

import dev.outboundwishlist.engine.Environment;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What CloudFormation would pass the macro, given on the command line instead. */
final class StackOptions {

    @Option(names = "--region", paramLabel = "REGION", defaultValue = Environment.DEFAULT_REGION,
            description = "The stack's Region (sets the partition of generated ARNs). Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--account", paramLabel = "ACCOUNT_ID",
            description = "The stack's 12-digit AWS account id.")
    String account;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE",
            description = "A stack parameter value, as CloudFormation would pass it; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    Environment environment() {
        return new Environment(region, Optional.ofNullable(account), parameters);
    }
}
