# Generates a C++ source holding every resources/codes/*.csv as text, so the reference code sets ship inside the
# binary and nothing is looked up on disk at run time. Each file is cut into pieces below 64 KiB because ISO C++
# only promises string literals of that length (GCC warns past it under -Wpedantic).
set(chunk_size 60000)
file(GLOB files "${CODES_DIR}/*.csv")
list(SORT files)
set(body "")
set(cases "")
set(index 0)
foreach(f IN LISTS files)
    get_filename_component(name "${f}" NAME)
    file(READ "${f}" text)
    string(LENGTH "${text}" length)
    set(pieces "")
    set(offset 0)
    while(offset LESS length)
        string(SUBSTRING "${text}" ${offset} ${chunk_size} piece)
        string(APPEND pieces "    R\"__csv__(${piece})__csv__\",\n")
        math(EXPR offset "${offset} + ${chunk_size}")
    endwhile()
    string(APPEND body "constexpr std::string_view kFile${index}[] = {\n${pieces}};\n")
    string(APPEND cases "    if (fileName == \"${name}\")\n        return join(kFile${index});\n")
    math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${CODES_DIR} by EmbedCodeSets.cmake; do not edit.
#include \"core/codes/EmbeddedCodeSets.h\"

namespace practica::core {

namespace {

${body}
template <std::size_t N> std::string join(const std::string_view (&pieces)[N])
{
    std::string text;
    for (std::string_view piece : pieces)
        text += piece;
    return text;
}

} // namespace

std::string embeddedCodeSetCsv(std::string_view fileName)
{
${cases}    return {};
}

} // namespace practica::core
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
