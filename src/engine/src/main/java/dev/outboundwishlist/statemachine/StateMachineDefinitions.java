package dev.outboundwishlist.statemachine;

import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;

/**
 * Reports, once per template, every state machine definition that cannot be read; the
 * extensions that work inside definitions then skip those silently.
 */
public final class StateMachineDefinitions implements Extension {

    @Override
    public void validate(ExpansionContext context) {
        DefinitionLocator.check(context);
    }

    @Override
    public void expand(ExpansionContext context) {
        // Reading definitions changes nothing.
    }
}
