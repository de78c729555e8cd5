package loaders

import "net/http"

// Middleware gives every request that reaches next its own Loaders reading
// from src; resolvers find them with For.
func Middleware(src Source, next http.Handler, opts ...Option) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := New(src, opts...)
		next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), l)))
	})
}
