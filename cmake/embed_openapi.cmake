# Writes a C++ source defining chibo::http::OpenApiDocument() from the JSON file INPUT.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "// Generated from docs/api/openapi.json; do not edit.\n#include <string>\nnamespace chibo::http {\nconst std::string& OpenApiDocument() {\n    static const std::string document = R\"chibo_openapi(${content})chibo_openapi\";\n    return document;\n}\n}  // namespace chibo::http\n")
