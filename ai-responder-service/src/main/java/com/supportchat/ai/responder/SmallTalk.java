package com.supportchat.ai.responder;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Greetings, thanks, "who are you": a friendly reply instead of a knowledge-base search or a handoff. */
final class SmallTalk {

    private record Rule(Pattern pattern, String reply) {
    }

    private static final String FILLER = "(?: (?:there|team|all|everyone|bot|again|guys|folks|friend))*";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)"
                    + "|hallo|hola|bonjour|salut|ciao|moin|servus|guten (?:morgen|tag|abend)|buenos dias|buenas)" + FILLER + "$"),
                    "Hello! I'm the virtual assistant. How can I help you today?"),
            new Rule(Pattern.compile("^(?:(?:hi|hello|hey) )?(?:how are you(?: doing)?(?: today)?|how is it going|how are things"
                    + "|what'?s up|wie geht'?s|como estas|ca va)$"),
                    "I'm doing well, thanks for asking! What can I help you with?"),
            new Rule(Pattern.compile("^(?:who are you|what are you|are you (?:a |an )?(?:bot|robot|human|real person|real|ai"
                    + "|person|machine|chatbot)|is this (?:a )?(?:bot|robot|human|real person|ai)|am i (?:talking|chatting) "
                    + "(?:to|with) (?:a )?(?:bot|robot|human|real person|person|machine)(?: or (?:a )?(?:bot|robot|human|person))?)$"),
                    "I'm an AI assistant. I answer from this company's help articles, and I can connect you with a "
                            + "team member when you need one."),
            new Rule(Pattern.compile("^(?:what can you do|how can you help(?: me)?|what do you know|help|i need help"
                    + "|can you help(?: me)?|(?:please )?help me)$"),
                    "Of course! Ask me about our products, orders, billing or account questions and I'll look it up in "
                            + "our help articles. What do you need help with?"),
            new Rule(Pattern.compile("^(?:thanks|thank you|thx|ty|cheers|many thanks|thank you very much|thanks a lot"
                    + "|danke|gracias|merci)(?: (?:so|very) much)?$"),
                    "You're welcome! Is there anything else I can help you with?"),
            new Rule(Pattern.compile("^(?:bye|goodbye|good bye|see you|see ya|cya|later|tschuss|adios|au revoir|ciao)"
                    + FILLER + "$"),
                    "Goodbye, and have a great day! You can come back here any time."),
            new Rule(Pattern.compile("^(?:ok|okay|k|kk|cool|alright|all right|sure|fine|i see|hmm+|yes|yeah|yep|no|nope"
                    + "|got it|noted|right)$"),
                    "Is there anything else I can help you with?"));

    private SmallTalk() {
    }

    static Optional<String> reply(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replaceAll("[^a-z0-9' ]+", " ")
            .replaceAll("\\s+", " ")
            .strip();
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(folded).matches()) {
                return Optional.of(rule.reply());
            }
        }
        return Optional.empty();
    }
}
