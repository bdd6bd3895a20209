package com.supportchat.identity.signing;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/** The key that signs now, and the public halves of every key not yet retired (the JWKS). */
record KeySet(RSAKey active, List<JWK> publicKeys) {

    boolean knows(String kid) {
        return kid != null && publicKeys.stream().anyMatch(key -> kid.equals(key.getKeyID()));
    }
}
