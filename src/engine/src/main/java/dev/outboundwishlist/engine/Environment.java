package dev.outboundwishlist.engine;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What CloudFormation knows about the stack and passes to a macro: its Region, account and the
 * values of its parameters. The CLI fills these from options; nothing here is ever logged,
 * because parameter values may be {@code NoEcho} secrets.
 *
 * @param macroEvent true when CloudFormation itself runs the macro: the template then comes
 *                   without its Transform section, so that section is not checked
 */
public record Environment(String region, Optional<String> accountId, Map<String, String> parameterValues,
                          boolean macroEvent) {

    public static final String DEFAULT_REGION = "us-east-1";

    public Environment {
        parameterValues = Map.copyOf(new TreeMap<>(parameterValues));
    }

    public static Environment offline() {
        return new Environment(DEFAULT_REGION, Optional.empty(), Map.of(), false);
    }

    /** The partition the Region belongs to, as in {@code arn:aws-cn:...}. */
    public String partition() {
        return partitionOf(region);
    }

    /** A Region name such as us-east-1, cn-north-1 or eusc-de-east-1. */
    public static boolean isRegionName(String name) {
        return name.matches("[a-z]{2,4}(-[a-z]+)+-\\d+");
    }

    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (region.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("eusc-")) {
            return "aws-eusc";
        }
        return "aws";
    }
}
