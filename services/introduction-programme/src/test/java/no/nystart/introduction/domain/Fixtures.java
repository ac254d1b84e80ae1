package no.nystart.introduction.domain;

import java.io.InputStream;

final class Fixtures {
    private Fixtures() {
    }

    static Grunnbelop grunnbelop() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/data/grunnbelop.csv")) {
            return Grunnbelop.parse(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ProgrammeRules rules() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/data/programme-rules.csv")) {
            return ProgrammeRules.parse(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
