package com.supportchat.ai.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.ai.understanding.SentenceEncoder;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The stored sentence embeddings of each article's passages ({@code article_chunk}). */
@Repository
class ChunkVectors {

    /** A stored passage vector, with what it was made from. */
    record Stored(int ordinal, String model, String contentHash, float[] vector, List<float[]> sentences) {
    }

    private final DatabaseClient db;

    ChunkVectors(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<Stored>> find(String articleId) {
        return db.sql("""
                SELECT ordinal, model, content_hash, embedding, sentences FROM article_chunk
                WHERE article_id = :id ORDER BY ordinal""")
            .bind("id", UUID.fromString(articleId))
            .map(row -> new Stored(row.get("ordinal", Integer.class), row.get("model", String.class),
                    row.get("content_hash", String.class), decode(row.get("embedding", ByteBuffer.class)),
                    split(decode(row.get("sentences", ByteBuffer.class)))))
            .all()
            .collectList();
    }

    /** Replaces the article's vectors (part of the caller's transaction). */
    Mono<Void> replace(String articleId, String orgId, String title, String model, List<Chunk> chunks,
            List<float[]> vectors, List<List<float[]>> sentences) {
        UUID id = UUID.fromString(articleId);
        Mono<Void> delete = db.sql("DELETE FROM article_chunk WHERE article_id = :id").bind("id", id).then();
        return delete.thenMany(Flux.range(0, chunks.size()).concatMap(i -> db.sql("""
                    INSERT INTO article_chunk (article_id, ordinal, org_id, model, content_hash, embedding, sentences)
                    VALUES (:id, :ordinal, :org, :model, :hash, :embedding, :sentences)""")
                .bind("id", id)
                .bind("ordinal", i)
                .bind("org", orgId)
                .bind("model", model)
                .bind("hash", hash(title, chunks.get(i)))
                .bind("embedding", encode(vectors.get(i)))
                .bind("sentences", encode(join(sentences.get(i))))
                .then()))
            .then();
    }

    /** What a passage's vector is made from: the article's title, the passage's heading and its text. */
    static String hash(String title, Chunk chunk) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(KnowledgeBase.embeddingText(title, chunk).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static ByteBuffer encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return buffer.flip();
    }

    static float[] decode(ByteBuffer bytes) {
        ByteBuffer buffer = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[buffer.remaining() / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return vector;
    }

    private static float[] join(List<float[]> vectors) {
        float[] all = new float[vectors.size() * SentenceEncoder.DIMENSIONS];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, all, i * SentenceEncoder.DIMENSIONS, SentenceEncoder.DIMENSIONS);
        }
        return all;
    }

    private static List<float[]> split(float[] all) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i + SentenceEncoder.DIMENSIONS <= all.length; i += SentenceEncoder.DIMENSIONS) {
            vectors.add(java.util.Arrays.copyOfRange(all, i, i + SentenceEncoder.DIMENSIONS));
        }
        return vectors;
    }

    /** The stored vectors when they still fit the chunks and the model, else null. */
    static boolean usable(List<Stored> stored, String title, List<Chunk> chunks, String model) {
        if (stored.size() != chunks.size()) {
            return false;
        }
        for (int i = 0; i < chunks.size(); i++) {
            Stored s = stored.get(i);
            if (s.ordinal() != i || !s.model().equals(model) || !s.contentHash().equals(hash(title, chunks.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
