package dev.outboundwishlist.cli;

import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.online.AwsLookups;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(names = "--online",
            description = "Ask AWS what the template alone cannot tell (with the default credentials, read-only): "
                    + "whether an execution role defined elsewhere may already assume its tasks' roles (IAM), and "
                    + "which zones offer the endpoint services fenced functions need and the S3 and DynamoDB "
                    + "prefix list ids (EC2).")
    boolean online;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE",
            description = "A stack parameter value, as CloudFormation would pass it; repeatable.")
    List<String> parameters = new ArrayList<>();

    Lookups lookups() {
        return online ? AwsLookups.forRegion(region) : Lookups.OFFLINE;
    }

    /** The options as CloudFormation would pass them; a malformed value is a usage error. */
    Environment environment(CommandLine commandLine) {
        if (!Environment.isRegionName(region)) {
            throw new ParameterException(commandLine, "Invalid value for option '--region': '" + region
                    + "' is not a Region name such as us-east-1");
        }
        if (account != null && !account.matches("\\d{12}")) {
            throw new ParameterException(commandLine, "Invalid value for option '--account': '" + account
                    + "' is not a 12-digit AWS account id");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            if (equals < 1) {
                throw new ParameterException(commandLine, "Invalid value for option '--parameter': '" + parameter
                        + "' is not KEY=VALUE, such as --parameter Env=prod");
            }
            if (values.put(parameter.substring(0, equals), parameter.substring(equals + 1)) != null) {
                throw new ParameterException(commandLine, "Invalid value for option '--parameter': '"
                        + parameter.substring(0, equals) + "' is given twice; give each parameter one value");
            }
        }
        return new Environment(region, Optional.ofNullable(account), values, false);
    }
}
