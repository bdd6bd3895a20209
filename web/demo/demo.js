// The demo store embeds the widget the way a customer would. The widget token comes from ?token=
// (deploy/local/up prints it), else from the last one used here, else a small form asks for it.
(function () {
  var params = new URLSearchParams(location.search);
  var token = params.get('token') || localStorage.getItem('acme-demo:widget-token');
  var form = document.getElementById('token-form');
  function start(t) {
    localStorage.setItem('acme-demo:widget-token', t);
    var options = {
      token: t,
      title: 'Acme Outfitters',
      subtitle: 'Ask us anything – we reply in minutes',
      brandColor: params.get('brand') || '#0f766e',
      collectUserData: params.get('collect') === '1',
      thisWasHelpfulOrNot: true,
      onHandoff: function (payload) { console.log('[demo] handed off:', payload.summary); }
    };
    if (options.collectUserData) options.extraDataCollectionFields = [{ key: 'orderNumber', label: 'Order number (optional)' }];
    if (params.get('userToken')) options.user = { token: params.get('userToken'), externalId: params.get('externalId') || undefined };
    if (params.get('name') || params.get('email')) options.prefillUserData = { name: params.get('name') || undefined, email: params.get('email') || undefined };
    window.SupportChat.init(options);
  }
  if (token) {
    start(token);
  } else {
    form.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var t = document.getElementById('token-input').value.trim();
      if (t) { form.hidden = true; start(t); }
    });
  }
})();
