package com.supportchat.ai.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tartarus.snowball.ext.EnglishStemmer;

import com.supportchat.events.HandoffTrigger;

/**
 * Deterministic trigger detection, run on every visitor message before any responder. Checks in priority
 * order: an explicit request for a person (always, so the visitor gets an honest reply even when live
 * handoff is off), the org's custom phrases, forbidden topics, frustration (each only when active), then
 * a confirmation that the issue is addressed.
 *
 * <p>Patterns run on normalized clauses (see {@link TextNormalizer}); a request preceded in its clause by a
 * negation ("no need for a person", "I don't want to talk to a human") does not count. Stateless and
 * thread-safe.
 */
public final class TriggerDetector {

    // ---- explicit human requests -------------------------------------------------------------------

    private static final String DET = "(?:(?:a|an|the|some|your|one of your|one of the|any|real|live|actual|human|"
            + "proper|genuine|living|breathing|qualified|support|customer|service|friendly) )*";
    private static final String NOUN = "(?:human beings?|humans?|person|people|agents?|representatives?|operators?"
            + "|someone|somebody|employees?|staff members?|team members?|members? of (?:your |the )?(?:staff|team|support team)"
            + "|staff|managers?|supervisors?|advisors?|advisers?|specialists?|consultants?"
            + "|support(?: team| staff| person| people| agent| rep)?|customer (?:service|support|care)(?: team| agent| representative| person| people)?"
            + "|help ?desk|live chat|live support|real one|human support|tech support|technical support"
            + "|someone real|somebody real|someone from (?:your |the )?(?:team|support|staff|company))";
    /** Words after a noun that turn it into a thing, not a person ("the support article"). */
    private static final String NOT_A_PERSON = "(?! (?:article|articles|page|pages|docs|documentation|email|address|number"
            + "|link|ticket|tickets|hours|plan|plans|portal|site|website|center|centre|form|policy|section|seat|seats"
            + "|license|licenses|licence|dashboard|review|reviewing|reviews|resources|error|readable|verification|role"
            + "|roles|permissions|account|accounts|widget|inbox|app|team plan|feature|features|rights|limit|limits))";

    private static final List<Pattern> HUMAN_REQUESTS = List.of(
            // talk to / speak with / contact ... a person
            Pattern.compile("\\b(?:talk|speak|chat|converse|communicate|get in touch|be in touch|get in contact|contact"
                    + "|reach|discuss (?:this|it|that|my \\w+)) (?:(?:to|with|2) )?" + DET + NOUN + "\\b" + NOT_A_PERSON),
            // connect me / transfer me / put me through ... to a person
            Pattern.compile("\\b(?:connect|transfer|put|pass|forward|route|redirect|send|hand|switch|escalate|bring|get"
                    + "|take|patch|move) (?:me|us|this|it|my (?:chat|case|issue|ticket|request|conversation|question)"
                    + "|the (?:chat|conversation))(?: over| through| back| on)?(?: to| with)? " + DET + NOUN + "\\b"
                    + NOT_A_PERSON),
            Pattern.compile("\\b(?:switch|transfer|escalate|hand (?:this |it )?over|go) to " + DET + NOUN + "\\b"
                    + NOT_A_PERSON),
            Pattern.compile("\\b(?:be |get |being )?(?:connected|transferred|put through|passed|forwarded|escalated"
                    + "|handed over|switched) (?:over )?(?:to|with) " + DET + NOUN + "\\b" + NOT_A_PERSON),
            Pattern.compile("\\b(?:is|are) (?:anyone|anybody|someone|somebody|a human|a person|a real person|an agent"
                    + "|a representative)(?: from (?:the |your )?[\\w ]+?)? available\\b"),
            Pattern.compile("\\b(?:appreciate|prefer|like|love|mind|try|tried|start|keep) (?:talking|speaking|chatting) (?:to|with) "
                    + DET + NOUN + "\\b" + NOT_A_PERSON),
            Pattern.compile("\\b(?:someone|somebody|a human|a person|an agent|a representative)(?: from [\\w ]+?)? (?:to )?"
                    + "(?:call|contact|email|ring|phone) me\\b"),
            Pattern.compile("^(?:are there )?any (?:real )?(?:humans?|people|agents?|persons?) (?:around|there|here|available"
                    + "|online)\\b"),
            Pattern.compile("\\bwho (?:can|should|could|do) i (?:talk|speak|chat) (?:to|with)\\b"),
            // need / want / prefer ... a person
            Pattern.compile("\\b(?:need|needs|want|wanted|like|prefer|request|requesting|require|demand|get|getting|give)"
                    + "(?: me)? (?:to (?:talk|speak|chat) (?:to|with) )?(?:(?:some )?(?:help|assistance|support) (?:from|of|by) )?"
                    + "(?:(?:a|an|the|one of your|your|some) )?(?:(?:real|live|actual|human|proper|genuine) )*"
                    + "(?:human beings?|humans?|person|representative|operator|agent|customer service(?: agent| representative| person)?"
                    + "|customer support|human support|live support|live agent|live chat|human help|someone real|somebody real"
                    + "|real someone)\\b" + NOT_A_PERSON),
            // "is there a human I can talk to?"
            Pattern.compile("\\b(?:is|are) (?:there|any)(?: a| an| any)? (?:real |live |actual )?(?:human|humans|person|people"
                    + "|agent|agents|representative|representatives|operator|operators|someone|somebody|anyone|anybody)"
                    + "(?= (?:i can|we can|to (?:talk|speak|chat)|available|around|here|there|online|who can (?:help|talk|assist)))"),
            // "human, not a bot" / "not a bot, a person"
            Pattern.compile("\\b(?:human|person|real person|agent|people)(?: please)? (?:not|instead of|rather than) "
                    + "(?:a |an |the |this |your |some )?(?:bot|robot|machine|ai|chatbot|computer|program)\\b"),
            Pattern.compile("\\b(?:someone|somebody|a human|a person|a real person|an agent|a representative|a live agent)"
                    + " (?:please )?(?:talk|speak|chat|get back) (?:to|with) me\\b"),
            // "escalate this please"
            Pattern.compile("^(?:please |can you |could you |i want you to |i would like you to )?escalate(?: this| it| my "
                    + "(?:issue|case|ticket|problem|request)| the (?:issue|case|ticket))?(?: please| now| to (?:a |an |the )?\\w+)?$"));

    /** A clause that is nothing but a request: "human please", "real person!", "agent". */
    private static final Pattern BARE_REQUEST = Pattern.compile("^(?:(?:please|hey|hi|hello|ok|okay|just|now|i said"
            + "|give me|get me|i want|i need|need|want|a|an|the|real|live|actual|talk to|speak to|chat with|connect me to"
            + "|me|with) )*(?:humans?|person|real person|agent|live agent|human agent|real agent|operator|representative"
            + "|someone real|customer service|customer support|live chat|live support|human support|a real human|human being)"
            + "(?: please| now| asap| right now| already| immediately)*$");

    private static final List<ForeignRequest> FOREIGN_REQUESTS = List.of(
            new ForeignRequest(Pattern.compile("\\b(?:mensch|menschen|mitarbeiter|mitarbeiterin|berater|beraterin"
                    + "|echte[nrm]? person|richtige[nrm]? person|kundendienst|kundenservice|servicemitarbeiter\\w*)\\b"),
                    Pattern.compile("\\b(?:sprechen|reden|chatten|verbinden|verbunden|kontaktieren|will|mochte|moechte|brauche)\\b"),
                    Pattern.compile("\\b(?:kein|keine|keinen|nicht|nie)\\b")),
            new ForeignRequest(Pattern.compile("\\b(?:humano|una persona|persona real|agente|agent|asesor|operador|operator"
                    + "|representante|alguien real|human)\\b"),
                    Pattern.compile("\\b(?:hablar|comunicarme|contactar|pasame|paseme|conectar|conectame|transferir"
                    + "|transfiereme|quiero|necesito)\\b"),
                    Pattern.compile("\\b(?:no|nunca|sin)\\b")),
            new ForeignRequest(Pattern.compile("\\b(?:humain|human|une personne|personne reelle|vraie personne|conseiller"
                    + "|conseillere|un agent|un operateur|quelqu'?un de (?:reel|real))\\b"),
                    Pattern.compile("\\b(?:parler|discuter|contacter|joindre|veux|voudrais|besoin)\\b"),
                    Pattern.compile("\\b(?:pas|jamais|ne)\\b")),
            new ForeignRequest(Pattern.compile("\\b(?:com um|com uma|con un|con una) (?:humano|human|pessoa|atendente|agente"
                    + "|agent|operatore|operator|persona|umano)\\b"),
                    Pattern.compile("\\b(?:falar|conversar|parlare|chattare)\\b"),
                    Pattern.compile("\\b(?:nao|non|nunca)\\b")));

    private record ForeignRequest(Pattern noun, Pattern verb, Pattern negation) {
    }

    private static final Set<String> NEGATORS = Set.of("not", "never", "no", "without", "nobody", "nothing", "neither",
            "nor", "instead");
    /** Softeners that turn a frustration word into politeness: "sorry if I'm annoying you". */
    private static final Set<String> FRUSTRATION_NEGATORS = Set.of("sorry", "if", "apologies");
    private static final Set<String> SCOPE_BREAKERS = Set.of("so", "and", "just", "then", "because", "please", "since",
            "therefore", "also", "now", "otherwise", "or");
    /** Someone other than the visitor is the subject: "how can my customers talk to a human agent". */
    private static final Set<String> THIRD_PARTIES = Set.of("customers", "users", "visitors", "clients", "they", "he",
            "she", "employees", "colleagues", "members", "agents", "people", "bot", "widget", "ai", "contacts",
            "operators", "admins", "subscribers", "buyers", "shoppers", "students", "patients", "guests", "colleague",
            "coworker", "boss", "wife", "husband", "friend", "client", "customer", "user", "team", "partner");

    // ---- frustration -------------------------------------------------------------------------------

    private static final Pattern HARSH_WORDS = Pattern.compile("\\b(?:useless|pointless|worthless|hopeless|ridiculous"
            + "|pathetic|unacceptable|incompetent|clueless|absurd|outrageous|infuriating|disgraceful|garbage|rubbish"
            + "|terrible|awful|horrible|appalling|lousy|stupid|dumb|nonsense|joke)\\b");
    private static final Set<String> HARSH_CONTEXT = Set.of("this", "that", "it", "you", "your", "so", "totally",
            "completely", "absolutely", "utterly", "really", "such", "what", "how", "is", "are", "bot", "chatbot",
            "service", "support", "answer", "answers", "chat", "was", "were", "too", "very", "just", "pretty", "a");
    private static final List<Pattern> FRUSTRATION = List.of(
            Pattern.compile("\\bwaste of (?:my |our )?time\\b|\\bwasting my time\\b|\\bfed up\\b|\\bsick (?:and tired )?of\\b"
                    + "|\\bhad enough\\b|\\bannoy(?:ing|ed)\\b|\\bfrustrat\\w*|\\bangry\\b|\\bfurious\\b|\\bpissed\\b|\\bupset\\b"
                    + "|\\bmad at\\b|\\bi hate (?:this|you|it|your|how|that|these|dealing|bots)\\b|\\bwhat a joke\\b"
                    + "|\\bdisappoint(?:ed|ing)\\b|\\bi give up\\b|\\bunbelievable\\b|\\bfurious\\b|\\bscam\\b|\\brip ?off\\b"),
            Pattern.compile("\\bare you (?:even )?(?:listening|serious|kidding|joking|reading|stupid|dumb|a joke)\\b"
                    + "|\\byou (?:keep|kept) (?:saying|repeating|giving|sending|telling|asking|ignoring)\\b|\\bhow many times\\b"
                    + "|\\bfor the (?:second|third|fourth|fifth|tenth|last|\\d+(?:st|nd|rd|th)?) time\\b"
                    + "|\\bi (?:already|just) (?:told|said|asked|explained|wrote)\\b|\\bi have (?:already )?(?:told|asked) you\\b"
                    + "|\\b(?:you are|this is|that is|it is|you|this bot is|the bot is) (?:still |really |just )?not (?:helping|helpful|listening"
                    + "|understanding|getting it)\\b|\\b(?:not|no) help(?:ful)? at all\\b|\\bdoes not help at all\\b"
                    + "|\\bnothing (?:works|helps|is working)\\b|\\bthanks for nothing\\b"
                    + "|\\bworst (?:service|support|experience|bot|chatbot|company|app|product|customer service|chat)\\b"
                    + "|\\bnever (?:again|buying|using)\\b|\\bscrew (?:this|you|it|that)\\b|\\bgive me a break\\b|\\bforget it\\b"
                    + "|\\bstop (?:wasting|repeating)\\b|\\benough already\\b|\\bnot good enough\\b|\\bno use\\b"),
            Pattern.compile("\\b(?:fuck\\w*|f+ck\\w*|fck\\w*|motherf\\w*|shit\\w*|bullshit|crap|crappy|damn\\w*|goddamn\\w*"
                    + "|bloody hell|hell no|what the hell|the hell|piss off|asshole\\w*|arse|arsehole|bastard\\w*|bitch\\w*"
                    + "|dickhead|idiot\\w*|moron\\w*|jerk)\\b"),
            Pattern.compile("\\b(?:ugh+|argh+|grr+|smh|jeez)\\b"),
            Pattern.compile("\\b(?:scheisse|scheiss\\w*|nutzlos|merde|putain|c'?est nul|nul|mierda|joder|no sirve|inutil"
                    + "|cazzo|porra|caralho)\\b"));
    private static final Pattern MIXED_PUNCTUATION = Pattern.compile("(?:\\?+!+|!+\\?+)[?!]*|!{3,}");

    // ---- resolution --------------------------------------------------------------------------------

    private static final Pattern RESOLUTION_ALLOWED = Pattern.compile("\\b(?:(?:i )?do not have any (?:more|other|further) "
            + "questions?|no (?:more|further|other) questions?|nothing else|not anymore|no problem|no worries|not at all"
            + "|no issues? (?:now|anymore|left))\\b");
    private static final Pattern RESOLUTION_BLOCKERS = Pattern.compile("\\b(?:but|however|though|although|except|yet|still"
            + "|unfortunately|sadly|unless|what if|only if|anyway|also|another|one more|what about|how about|how do|how can"
            + "|how to|can you|could you|please help|any idea|nothing|no longer|not|never|no|nope|for nothing|would|could"
            + "|might|may|should|will|hope|until|when will|how long|once|as soon as|yesterday|earlier|used to|last time"
            + "|pero|aber|mais|todavia|noch|encore|toujours|sigue|nicht|pas|nao)\\b");
    private static final List<Pattern> RESOLUTION = List.of(
            Pattern.compile("(?<!how |why |if |when |what |where |whether |whatever |see )\\b(?:that|this|it|which|you"
                    + "|your \\w+|the \\w+(?: \\w+)?)(?: (?:really|totally|definitely|actually|truly|absolutely|finally|perfectly|just"
                    + "|indeed|so|very|fully|completely))* (?:helps|helped|solved|solves|resolved|fixed|worked|works|answered"
                    + "|answers|did it|did the trick|sorted it|nailed it|cleared (?:it|that|things) up|clears (?:it|that) up"
                    + "|makes sense now|was (?:very |really |super |so |extremely )?helpful|is (?:very |really |super |so |extremely )?helpful"
                    + "|(?:was|is) (?:exactly )?what i (?:needed|was looking for)|was perfect|is perfect|works perfectly"
                    + "|worked perfectly|(?:is|was) (?:all|everything) i (?:needed|wanted)|(?:is|was) very clear)\\b"),
            Pattern.compile("\\b(?:problem|issue|question|questions|everything|all|my (?:problem|issue|question)|the "
                    + "(?:problem|issue))(?: is| has been| was| are| got| have been)?(?: now)? (?:solved|resolved|fixed|sorted"
                    + "|sorted out|answered|cleared up)\\b"),
            Pattern.compile("^(?:(?:ok|okay|great|perfect|awesome|yes|yep|yay|cool|nice|wow|brilliant) )*(?:it |that |everything "
                    + "|all )?(?:is )?(?:works|working|all good|all set|sorted|fixed|solved|resolved|good to go)(?: now| again"
                    + "| perfectly| fine)*(?: thanks| thank you(?: so much)?)?$"),
            Pattern.compile("^(?:(?:ok|okay|oh|ah|great|perfect|awesome|excellent|brilliant|wonderful|amazing|fantastic|cool"
                    + "|nice|lovely|sweet|super|got it|understood|makes sense|clear|that is great|that is perfect|that is awesome"
                    + "|that is clear|that is helpful|yes|yep|yeah|alright|all right|wow|good|very good|fab|neat|gotcha|i see"
                    + "|perfekt|super|genial|perfecto|parfait|excelente|vale|toll|prima|top|sounds good|that is wonderful) )+"
                    + "(?:thanks|thank you|thank you so much|thanks a lot|thanks so much|many thanks|cheers|merci|danke"
                    + "|gracias|vielen dank|muchas gracias|merci beaucoup)(?: (?:so|very) much| a lot| again| a ton| a million"
                    + "| for (?:your|the) help| for helping| for the (?:quick |fast )?(?:answer|reply|response|info|information))?"
                    + "(?: \\w+)?$"),
            Pattern.compile("^(?:thanks|thank you|many thanks)(?: (?:so|very) much| a lot| again)? (?:perfect|great|awesome"
                    + "|excellent|that helps|that helped|that is perfect|that is great|that is all|that is it|got it|all good"
                    + "|brilliant|that worked|that works|it works|it worked)\\b"),
            Pattern.compile("\\bthank(?:s| you)(?: (?:so|very) much| a lot| again| a ton)? for (?:all )?(?:your |the |this )?"
                    + "(?:help|helping|assistance|support|answer|quick answer|reply|info|information|explanation|clarification"
                    + "|clarifying|explaining|solution|fix|quick help)\\b"),
            Pattern.compile("\\byou(?: have)? (?:been|were|are) (?:very |really |super |so |extremely |a )?(?:helpful|great|a great help"
                    + "|a big help|a lifesaver|amazing|a star)\\b|\\b(?:that|this) (?:was|is) exactly it\\b|^(?:very|really|super|so|extremely) helpful\\b"
                    + "|\\b(?:exactly|just|precisely) what i (?:needed|was looking for|wanted)\\b"
                    + "|\\b(?:that is|that was) (?:all|everything)(?: i (?:needed|wanted|was looking for)| for (?:now|today))?$"
                    + "|\\bi am (?:all )?(?:good|set|sorted)(?: now| for now)?(?: thanks| thank you)?$"
                    + "|\\b(?:no (?:more|further|other) questions|nothing else|do not have any (?:more|other|further) questions)\\b(?: \\w+)*? (?:thanks|thank you|bye|goodbye)\\b"
                    + "|^(?:that is all|nothing else|no more questions)(?: thanks| thank you)?$"),
            Pattern.compile("\\b(?:danke|vielen dank)\\b.*\\b(?:geholfen|funktioniert|klappt|passt|gelost|erledigt)\\b"
                    + "|\\b(?:das hat geholfen|hat geklappt|funktioniert jetzt|problem gelost|problem ist gelost)\\b"
                    + "|\\b(?:gracias|muchas gracias)\\b.*\\b(?:ayudo|funciono|resolvio|solucionado|resuelto|sirvio)\\b"
                    + "|\\b(?:eso (?:me )?ayudo|ya funciona|problema resuelto|me sirvio)\\b"
                    + "|\\bmerci\\b.*\\b(?:aide|marche|fonctionne|resolu|regle)\\b|\\b(?:ca marche|ca fonctionne|probleme resolu"
                    + "|c'?est regle)\\b"));

    private final int repeatWindow;

    public TriggerDetector() {
        this(5);
    }

    /** @param repeatWindow how many earlier visitor messages to compare with for "the same question again" */
    public TriggerDetector(int repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    /**
     * Reads one visitor message.
     *
     * @param text                    the message as typed
     * @param settings                the org's active triggers, forbidden topics and custom phrases
     * @param previousVisitorMessages the visitor's earlier messages in this conversation, oldest first
     */
    public Detection detect(String text, TriggerSettings settings, List<String> previousVisitorMessages) {
        if (text == null || text.isBlank()) {
            return Detection.NONE;
        }
        List<String> clauses = TextNormalizer.clauses(text);
        String words = TextNormalizer.words(text);
        Detection found = humanRequest(clauses);
        if (found == null && settings.isActive(HandoffTrigger.CUSTOM_PHRASE)) {
            found = phrase(words, settings.customPhrases(), true, Signal.CUSTOM_PHRASE, "custom handoff phrase");
        }
        if (found == null && settings.isActive(HandoffTrigger.FORBIDDEN_TOPIC)) {
            found = phrase(words, settings.forbiddenTopics(), false, Signal.FORBIDDEN_TOPIC, "forbidden topic");
        }
        if (found == null && settings.isActive(HandoffTrigger.FRUSTRATION)) {
            found = frustration(text, clauses, words, previousVisitorMessages);
        }
        if (found == null) {
            found = resolution(text, clauses, words);
        }
        return found == null ? Detection.NONE : found;
    }

    /** Human request only: for callers (and tests) that need no org settings. */
    public Detection detect(String text) {
        return detect(text, TriggerSettings.DEFAULTS, List.of());
    }

    private Detection humanRequest(List<String> clauses) {
        for (String clause : clauses) {
            if (BARE_REQUEST.matcher(clause).matches()) {
                return new Detection(Signal.HUMAN_REQUEST, "visitor asked for a human", clause);
            }
            for (Pattern pattern : HUMAN_REQUESTS) {
                Matcher m = pattern.matcher(clause);
                while (m.find()) {
                    if (!negated(clause, m.start()) && !thirdParty(clause, m.start(), m.group())) {
                        return new Detection(Signal.HUMAN_REQUEST, "visitor asked for a human", m.group());
                    }
                }
            }
            for (ForeignRequest request : FOREIGN_REQUESTS) {
                Matcher noun = request.noun().matcher(clause);
                if (noun.find() && request.verb().matcher(clause).find() && !request.negation().matcher(clause).find()) {
                    return new Detection(Signal.HUMAN_REQUEST, "visitor asked for a human", noun.group());
                }
            }
        }
        return null;
    }

    /** A negation within a few words before the match, in the same clause, not interrupted ("so", "and"). */
    static boolean negated(String clause, int start) {
        return negated(clause, start, Set.of());
    }

    static boolean negated(String clause, int start, Set<String> extraNegators) {
        String before = clause.substring(0, start).trim();
        if (before.isEmpty()) {
            return false;
        }
        String[] tokens = before.split(" ");
        for (int i = tokens.length - 1, seen = 0; i >= 0 && seen < 6; i--, seen++) {
            String token = tokens[i];
            if (SCOPE_BREAKERS.contains(token)) {
                return false;
            }
            if (extraNegators.contains(token)) {
                return true;
            }
            if (NEGATORS.contains(token)) {
                boolean interjection = token.equals("no") && i == 0;
                boolean invertedQuestion = token.equals("not") && i + 1 < tokens.length
                        && (tokens[i + 1].equals("i") || tokens[i + 1].equals("we"));
                if (!interjection && !invertedQuestion) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean thirdParty(String clause, int start, String match) {
        if (match.contains(" me") || match.contains(" us")) {
            return false;
        }
        String[] tokens = clause.substring(0, start).trim().split(" ");
        for (int i = tokens.length - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
            if (THIRD_PARTIES.contains(tokens[i])) {
                return true;
            }
        }
        return false;
    }

    /** Matches org phrases on word stems, so "lawsuits" hits "lawsuit" and "cancelling my account" hits "cancel my account". */
    private static Detection phrase(String words, List<String> phrases, boolean honourNegation, Signal signal,
            String label) {
        if (phrases.isEmpty()) {
            return null;
        }
        String[] tokens = words.split(" ");
        List<String> stems = stems(tokens);
        for (String phrase : phrases) {
            List<String> wanted = stems(TextNormalizer.words(phrase).split(" "));
            if (wanted.isEmpty() || wanted.get(0).isEmpty()) {
                continue;
            }
            for (int i = 0; i + wanted.size() <= stems.size(); i++) {
                if (stems.subList(i, i + wanted.size()).equals(wanted)) {
                    String context = String.join(" ", List.of(tokens).subList(0, i));
                    if (honourNegation && negated(context + " x", context.length() + 1)) {
                        continue;
                    }
                    return new Detection(signal, label + " \"" + phrase + "\"", phrase);
                }
            }
        }
        return null;
    }

    private static List<String> stems(String[] tokens) {
        EnglishStemmer stemmer = new EnglishStemmer();
        List<String> stems = new ArrayList<>(tokens.length);
        for (String token : tokens) {
            stemmer.setCurrent(token);
            stemmer.stem();
            stems.add(stemmer.getCurrent());
        }
        return stems;
    }

    private Detection frustration(String text, List<String> clauses, String words, List<String> previous) {
        if (shouting(text)) {
            return new Detection(Signal.FRUSTRATION, "visitor is shouting (all caps)", text);
        }
        if (MIXED_PUNCTUATION.matcher(text).find() && text.length() > 3) {
            return new Detection(Signal.FRUSTRATION, "visitor is exasperated", text);
        }
        for (String clause : clauses) {
            for (Pattern pattern : FRUSTRATION) {
                Matcher m = pattern.matcher(clause);
                while (m.find()) {
                    if (!negated(clause, m.start(), FRUSTRATION_NEGATORS)) {
                        return new Detection(Signal.FRUSTRATION, "visitor is frustrated", m.group());
                    }
                }
            }
            Matcher harsh = HARSH_WORDS.matcher(clause);
            while (harsh.find()) {
                if (!negated(clause, harsh.start(), FRUSTRATION_NEGATORS) && harshContext(clause, harsh)) {
                    return new Detection(Signal.FRUSTRATION, "visitor is frustrated", harsh.group());
                }
            }
        }
        if (words.length() >= 12 && previous != null) {
            int from = Math.max(0, previous.size() - repeatWindow);
            for (String earlier : previous.subList(from, previous.size())) {
                if (words.equals(TextNormalizer.words(earlier))) {
                    return new Detection(Signal.FRUSTRATION, "visitor repeated the same question", text);
                }
            }
        }
        return null;
    }

    /** "useless" counts when it is about us ("this is useless", "useless bot") or stands alone, not "remove useless fields". */
    private static boolean harshContext(String clause, Matcher harsh) {
        String before = clause.substring(0, harsh.start()).trim();
        String after = clause.substring(harsh.end()).trim();
        if (before.isEmpty() || after.isEmpty() || after.matches("(?:bot|chatbot|service|support|answer|answers|chat|ai)\\b.*")) {
            return !(harsh.group().equals("joke") && before.isEmpty() && !after.isEmpty())
                    && !(harsh.group().equals("stupid") && after.startsWith("question"));
        }
        String[] tokens = before.split(" ");
        for (int i = tokens.length - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
            if (HARSH_CONTEXT.contains(tokens[i])) {
                return !after.startsWith("question");
            }
        }
        return false;
    }

    /** Mostly capital letters over several words: "WHY IS THIS NOT WORKING". */
    static boolean shouting(String text) {
        int upper = 0;
        int lower = 0;
        int capitalWords = 0;
        for (String word : text.split("\\s+")) {
            int wordUpper = 0;
            int wordLetters = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isLetter(c)) {
                    wordLetters++;
                    if (Character.isUpperCase(c)) {
                        wordUpper++;
                    }
                }
            }
            upper += wordUpper;
            lower += wordLetters - wordUpper;
            if (wordLetters >= 2 && wordUpper == wordLetters) {
                capitalWords++;
            }
        }
        return capitalWords >= 3 && upper >= 10 && upper >= 4 * lower;
    }

    private static Detection resolution(String text, List<String> clauses, String words) {
        if (text.contains("?")) {
            return null;
        }
        String checked = RESOLUTION_ALLOWED.matcher(words).replaceAll(" ");
        if (RESOLUTION_BLOCKERS.matcher(checked).find()) {
            return null;
        }
        List<String> candidates = new ArrayList<>(clauses);
        candidates.add(words);
        for (String candidate : candidates) {
            for (Pattern pattern : RESOLUTION) {
                Matcher m = pattern.matcher(candidate);
                if (m.find()) {
                    return new Detection(Signal.RESOLUTION, "visitor confirmed the issue is addressed", m.group());
                }
            }
        }
        return null;
    }
}
