package dev.outboundwishlist.template;

/** The two ways a CloudFormation template is written. */
public enum TemplateFormat {
    YAML, JSON
}
