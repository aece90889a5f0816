package jp.nintei.functions.documents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.functions.primary.ApplicationJson;
import jp.nintei.functions.support.Components;
import jp.nintei.functions.support.Priming;
import jp.nintei.service.DocumentService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents of the signed-in member's application: POST (upload slot with a presigned PUT), POST …/{id}
 * (登録: verify the stored object), GET …/{id} (preview URL, ≤ 5 minutes), DELETE …/{id} (×).
 */
public final class DocumentsHandler extends HttpFunction {
    private final DocumentService documents;
    @SuppressWarnings("unused") private final Priming priming;

    public DocumentsHandler() {
        this.documents = Components.documents(Components.applications());
        this.priming = Priming.register("documents", () -> Json.write(Json.parseObject("{\"purpose\":\"FEE_RECEIPT\"}")));
    }

    public DocumentsHandler(DocumentService documents) {
        this.documents = documents;
        this.priming = null;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ApplicationKind kind = ApplicationKind.fromSlug(request.pathParameters().get("application"));
        // 更新申請 has no documents in this system: only 一次・二次 applications hold uploads
        if (kind == null || kind.stage() == ApplicationKind.Stage.RENEWAL) {
            throw new Rejection(Rejection.Kind.NOT_FOUND, "NOT_FOUND", null, Messages.NOT_THIS_APPLICATION);
        }
        String member = request.memberNo();
        String id = request.pathParameters().get("documentId");
        return switch (request.routeKey()) {
            case "POST /api/applications/{application}/documents" -> {
                ObjectNode b = Json.parseObject(request.body());
                JsonNode size = b.get("size");
                if (size == null || !size.canConvertToLong()) throw new Rejection(Rejection.Kind.INVALID, "EMPTY_FILE", "file", Messages.EMPTY_FILE);
                DocumentService.Slot slot = documents.requestSlot(member, kind, Json.text(b, "purpose"),
                        Json.text(b, "fileName"), size.asLong(), Json.text(b, "contentType"), Json.text(b, "sha256"));
                ObjectNode o = Json.object();
                o.set("document", ApplicationJson.document(slot.document()));
                ObjectNode upload = o.putObject("upload").put("method", "PUT").put("url", slot.upload().url())
                        .put("expiresAt", slot.upload().expiresAt().toString());
                ObjectNode headers = upload.putObject("headers");
                slot.upload().headers().forEach(headers::put);
                o.put("version", slot.version());
                yield ApiResponses.json(201, o);
            }
            case "POST /api/applications/{application}/documents/{documentId}" -> {
                DocumentService.Registered r = documents.register(member, kind, id);
                ObjectNode o = Json.object();
                o.set("document", ApplicationJson.document(r.document()));
                if (r.version() >= 0) o.put("version", r.version());
                yield ApiResponses.ok(o);
            }
            case "GET /api/applications/{application}/documents/{documentId}" ->
                    ApiResponses.ok(Json.object().put("url", documents.previewUrl(member, kind, id))
                            .put("expiresInSeconds", DocumentService.PREVIEW_TTL.toSeconds()));
            case "DELETE /api/applications/{application}/documents/{documentId}" -> {
                documents.delete(member, kind, id);
                yield ApiResponses.ok(Json.object().put("deleted", id));
            }
            default -> throw notFound();
        };
    }
}
