namespace Appliance.Engine.Challenge;

/// <summary>
/// The page's script: a compact SHA-256 of its own (WebCrypto's <c>crypto.subtle</c> exists only
/// in secure contexts, and the page must work on plain HTTP too; one hash per call in plain
/// JavaScript is also faster than awaiting WebCrypto per counter), which counts up until the hash of
/// token + counter begins with the required zero hex digits, yielding every few thousand tries so
/// the page stays responsive, then posts the form.
/// </summary>
internal static class ChallengeScript
{
    public const string Source = """
        (function(){
        var K=[0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];
        function first(s){var l=s.length,n=(((l+8)>>6)+1)*16,m=new Array(n),i,j,w=new Array(64);
        for(i=0;i<n;i++)m[i]=0;for(i=0;i<l;i++)m[i>>2]|=s.charCodeAt(i)<<(24-(i%4)*8);
        m[l>>2]|=0x80<<(24-(l%4)*8);m[n-1]=l*8;
        var h=[0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19];
        for(j=0;j<n;j+=16){var a=h[0],b=h[1],c=h[2],d=h[3],e=h[4],f=h[5],g=h[6],k=h[7];
        for(i=0;i<64;i++){if(i<16)w[i]=m[j+i];else{var x=w[i-15],y=w[i-2];
        w[i]=(((x>>>7|x<<25)^(x>>>18|x<<14)^(x>>>3))+w[i-16]+((y>>>17|y<<15)^(y>>>19|y<<13)^(y>>>10))+w[i-7])|0;}
        var t1=(k+((e>>>6|e<<26)^(e>>>11|e<<21)^(e>>>25|e<<7))+((e&f)^(~e&g))+K[i]+w[i])|0;
        var t2=(((a>>>2|a<<30)^(a>>>13|a<<19)^(a>>>22|a<<10))+((a&b)^(a&c)^(b&c)))|0;
        k=g;g=f;f=e;e=(d+t1)|0;d=c;c=b;b=a;a=(t1+t2)|0;}
        h[0]=(h[0]+a)|0;h[1]=(h[1]+b)|0;h[2]=(h[2]+c)|0;h[3]=(h[3]+d)|0;h[4]=(h[4]+e)|0;h[5]=(h[5]+f)|0;h[6]=(h[6]+g)|0;h[7]=(h[7]+k)|0;}
        return h[0];}
        var form=document.getElementById('challenge'),token=form.elements.token.value,
        shift=32-4*parseInt(form.dataset.difficulty,10),counter=0;
        function work(){for(var end=counter+20000;counter<end;counter++){
        if((first(token+counter)>>>shift)===0){form.elements.counter.value=String(counter);form.submit();return;}}
        setTimeout(work,0);}
        document.getElementById('status').textContent='Checking your browser\u2026';
        setTimeout(work,0);
        })();
        """;
}
