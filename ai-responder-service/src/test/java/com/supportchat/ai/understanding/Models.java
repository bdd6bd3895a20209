package com.supportchat.ai.understanding;

/**
 * The sentence model, language detector and trained intent reader, loaded once per test JVM (a few seconds) and
 * shared by the unit tests that need the real thing.
 */
public final class Models {

    private static SentenceEncoder encoder;
    private static LanguageDetector languages;
    private static IntentReader reader;

    private Models() {
    }

    public static synchronized SentenceEncoder encoder() {
        if (encoder == null) {
            encoder = new SentenceEncoder();
        }
        return encoder;
    }

    public static synchronized LanguageDetector languages() {
        if (languages == null) {
            languages = new LanguageDetector();
        }
        return languages;
    }

    public static synchronized IntentReader reader() {
        if (reader == null) {
            reader = IntentReader.trained(encoder(), languages());
        }
        return reader;
    }
}
