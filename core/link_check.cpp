// An empty program: each part's library is linked into one whole, with only the parts it
// may use, so that a call against the arrows fails the build (core/CMakeLists.txt).
int main()
{
    return 0;
}
