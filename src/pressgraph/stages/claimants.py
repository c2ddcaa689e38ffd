"""Who makes a claim: the person or organization a verb's subject or a phrase names."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


def subject_claimant(verb: Token, resolve) -> tuple[str, str] | None:
    """The entity in the verb's subject, or who a pronoun or 'the company' stands for."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    return named_entity_in(subject.subtree, resolve) or resolve(subject)


def named_entity_in(tokens, resolve) -> tuple[str, str] | None:
    """The person or organization a phrase names: the entity holding its head word ('Bank of
    Harwick governor Ann Roe'), else its first person, else its first organization; a proper
    noun alone is taken for an organization."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head is t), None)
    entities = []
    for token in tokens:
        if token.ent_type_ in ("PERSON", "ORG"):
            span = next(e for e in token.doc.ents if e.start <= token.i < e.end)
            if span not in entities:
                entities.append(span)
    if entities:
        holding = next((e for e in entities if head is not None and e.start <= head.i < e.end),
                       None)
        chosen = holding or next((e for e in entities if e.label_ == "PERSON"), entities[0])
        return chosen.text, chosen.label_
    if (head is not None and head.pos_ == "PROPN" and head.text[:1].isupper()
            and len(head.text) > 1 and not any(c.dep_ == "compound" for c in head.children)):
        return head.text, "ORG"
    return None
