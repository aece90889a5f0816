package jp.nintei.functions.support;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Each SDK client and the presigner are built once per container: every handler and adapter shares the one. */
class ComponentsTest {
    @Test
    void eachClientIsBuiltOncePerContainer() {
        assertSame(Components.dynamoDb(), Components.dynamoDb());
        assertSame(Components.s3(), Components.s3());
        assertSame(Components.presigner(), Components.presigner());
        assertSame(Components.ses(), Components.ses());
        assertSame(Components.cognito(), Components.cognito());
    }
}
