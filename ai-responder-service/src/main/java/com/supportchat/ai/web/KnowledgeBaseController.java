package com.supportchat.ai.web;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.supportchat.ai.knowledge.ArticleDraft;
import com.supportchat.ai.knowledge.ArticleFormat;
import com.supportchat.ai.knowledge.KnowledgeBase;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The org's knowledge-base articles: agents read, admins write (see {@link SecurityConfiguration}). */
@RestController
@RequestMapping("/api/v1/knowledge-base/articles")
class KnowledgeBaseController {

    private final KnowledgeBase knowledgeBase;

    KnowledgeBaseController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GetMapping
    Flux<ArticleResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return knowledgeBase.list(Operators.org(jwt)).map(ArticleResponse::of);
    }

    @GetMapping("/{id}")
    Mono<ArticleResponse> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return knowledgeBase.get(Operators.org(jwt), id).map(ArticleResponse::of).switchIfEmpty(notFound(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleResponse> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ArticleRequest request) {
        return knowledgeBase.create(Operators.org(jwt), draft(request)).map(ArticleResponse::of);
    }

    @PutMapping("/{id}")
    Mono<ArticleResponse> replace(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody ArticleRequest request) {
        return knowledgeBase.update(Operators.org(jwt), id, draft(request)).map(ArticleResponse::of)
            .switchIfEmpty(notFound(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return knowledgeBase.delete(Operators.org(jwt), id)
            .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new Problems.NotFound("no article " + id)));
    }

    private static ArticleDraft draft(ArticleRequest request) {
        return new ArticleDraft(request.title().strip(), request.content(), ArticleFormat.fromWire(request.format()),
                request.tags() == null ? null : request.tags().stream().map(String::strip).distinct().toList());
    }

    private static <T> Mono<T> notFound(String id) {
        return Mono.error(new Problems.NotFound("no article " + id));
    }
}
